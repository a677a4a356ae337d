import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { createBackend } from '../../electron/core/backend';
import { memorySettings } from '../../electron/core/settings';
import { createHostServer } from '../../electron/host/server';

/**
 * The browser-mode host as the bench runs it: the same backend and HTTP server as `npm run serve`,
 * in a process of its own (so the bench's own work never counts), plus a 1 ms ping that records
 * the longest time this process's event loop could not answer. Driven over IPC by http.bench.ts.
 */
export type ChildMessage = { type: 'reset' } | { type: 'report' } | { type: 'stop' };
export type ChildReply =
  | { type: 'ready'; url: string }
  | { type: 'reset' }
  | { type: 'report'; pingMaxMs: number; loopDelayMaxMs: number; pings: number };

const dataDir = process.argv[2];
if (!dataDir) throw new Error('usage: host-child <data dir>');

const backend = createBackend({ dataDir, mode: 'browser', version: 'bench', settings: memorySettings() });
const host = createHostServer({ backend, rendererDir: null, port: 0 });

// The ping: a 1 ms timer; any gap beyond that is time the loop was busy (a block).
let last = performance.now();
let pingMax = 0;
let pings = 0;
const ping = () => {
  const now = performance.now();
  pingMax = Math.max(pingMax, now - last - 1);
  pings++;
  last = now;
  setTimeout(ping, 1);
};
setTimeout(ping, 1);
const histogram = monitorEventLoopDelay({ resolution: 1 });
histogram.enable();

const send = (m: ChildReply) => process.send!(m);

process.on('message', (m: ChildMessage) => {
  if (m.type === 'reset') {
    pingMax = 0;
    pings = 0;
    last = performance.now();
    histogram.reset();
    send({ type: 'reset' });
  } else if (m.type === 'report') {
    send({ type: 'report', pingMaxMs: pingMax, loopDelayMaxMs: histogram.max / 1e6, pings });
  } else if (m.type === 'stop') {
    void host.close().then(() => {
      backend.close();
      process.exit(0);
    });
  }
});

void host.listen().then((url) => send({ type: 'ready', url }));
