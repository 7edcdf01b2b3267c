import { vi } from 'vitest';

// The components' tests run in a simulated DOM, which has no Web Workers: there a lab's checks run in the test's
// own process, as the page's check worker would run them (without its time budget, which check-budget's tests
// cover).
vi.mock('../../labs/lab-kit/browser/check-in-browser.js', async () => {
  const { runChecks } = await import('../../labs/lab-kit/run-checks.js');
  const { loadLabChecks } = await import('../../labs/lab-kit/browser/lab-checks-sources.js');
  return {
    checkInBrowser: async (request: { labId: string; files: Record<string, string> }) => ({ report: runChecks(await loadLabChecks(request.labId), request.files) }),
    warmChecker: async () => {},
  };
});
