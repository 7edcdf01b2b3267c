// A Web Worker that runs labs' checks for the page, one request at a time (see check-in-browser.ts). The page
// ends it when the time budget runs out: that is how learner code that never ends is stopped.
import type { CheckRequest, CheckWorkerMessage } from '../check-budget.js';
import type { WarmRequest } from './check-in-browser.js';

// The DOM library types `self` as a window; in a worker it is the worker's own scope.
const scope = self as unknown as {
  postMessage(message: CheckWorkerMessage): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<CheckRequest | WarmRequest>) => void): void;
};

// The worker listens before the checks' code has loaded: that code waits for TypeScript as it loads (the site
// takes it from a file of its own), and a module worker drops the messages that come before it listens.
const requests = import('./check-requests.js');
scope.addEventListener('message', (event) => void requests.then(({ answer }) => answer(event, (message) => scope.postMessage(message))));
