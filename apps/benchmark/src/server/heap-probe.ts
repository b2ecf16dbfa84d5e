/**
 * Preloaded (`node --import`) into every server the benchmark starts, the baseline included, so that
 * each is asked for its heap the same way, whatever metrics it has. It loads no module an
 * instrumentation patches (the OpenTelemetry app checks that nothing did before it starts).
 *
 * On request over the IPC channel, it collects garbage, then answers `process.memoryUsage()`: the heap
 * a variant keeps, not the garbage that happened to be waiting for the next collection.
 * Tasks are no way to ask: Nest's shutdown hooks take SIGUSR2 too.
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { HEAP_REPORT, HEAP_REQUEST, type HeapReport } from './heap-probe.messages.js';

setFlagsFromString('--expose-gc');
// A fresh context sees the flag that the main one, created before it was set, does not.
const collectGarbage = runInNewContext('gc') as () => void;

if (process.send !== undefined) {
  process.on('message', (message: unknown) => {
    if ((message as { type?: unknown } | null)?.type !== HEAP_REQUEST) return;
    collectGarbage();
    const report: HeapReport = { type: HEAP_REPORT, usage: process.memoryUsage() };
    process.send?.(report);
  });
  // The channel must not keep the app alive on its own: it stops on SIGTERM as it would in production.
  process.channel?.unref();
  // The benchmark is gone (killed, crashed): stop as on SIGTERM rather than stay behind.
  process.on('disconnect', () => process.kill(process.pid, 'SIGTERM'));
}
