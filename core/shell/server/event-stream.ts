import type { ServerResponse } from 'node:http';
import { describeEvent, formatVirtualTime, type SimEvent } from '../../index.js';
import { stateOf } from './control-routes.js';
import type { RegionalSimulators } from './regional-simulators.js';

/** How often a watcher is checked for news; a class watching sees changes within this. */
const FRAME_MS = 250;
/** Events sent in one frame at most: a fast clock must not flood a browser. */
const MAX_EVENTS_PER_FRAME = 200;

export interface TimelineEntry {
  seq: number;
  at: string;
  kind: SimEvent['kind'];
  text: string;
}

export function timelineEntry(event: SimEvent): TimelineEntry {
  return { seq: event.seq, at: formatVirtualTime(event.time), kind: event.kind, text: describeEvent(event) };
}

/**
 * `GET /_sim/stream`: server-sent events for the dashboard, about one account and region. `state` frames carry
 * the cluster picture, `events` frames the timeline entries not yet sent, `accounts` frames every account the
 * server holds (for the instructor to switch to), `reset` says the history was thrown away.
 * Returns a function that ends the stream.
 */
export function openEventStream(response: ServerResponse, simulators: RegionalSimulators, region: string | undefined, accountId: string): () => void {
  response.writeHead(200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-store', Connection: 'keep-alive' });
  const send = (event: string, data: unknown) => response.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
  let generation = simulators.generation;
  let version = -1;
  let nextSeq = 0;
  let accounts = '';
  const frame = () => {
    if (generation !== simulators.generation) {
      generation = simulators.generation;
      nextSeq = 0;
      send('reset', {});
    }
    if (version === simulators.version) return;
    version = simulators.version;
    const list = simulators.accounts();
    if (JSON.stringify(list) !== accounts) {
      accounts = JSON.stringify(list);
      send('accounts', list);
    }
    const simulator = simulators.get(region, accountId);
    const events = simulator.control.eventsSince(nextSeq);
    const shown = events.slice(-MAX_EVENTS_PER_FRAME);
    if (events.length > 0) {
      nextSeq = events[events.length - 1].seq + 1;
      send('events', { skipped: events.length - shown.length, entries: shown.map(timelineEntry) });
    }
    send('state', stateOf(simulators, region, accountId));
  };
  frame();
  const timer = setInterval(frame, FRAME_MS);
  const close = () => {
    clearInterval(timer);
    response.end();
  };
  response.on('close', () => clearInterval(timer));
  return close;
}
