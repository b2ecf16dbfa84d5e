/**
 * Preloaded (`node --import`) into every server the benchmark starts, the baseline included, so that
 * each is asked for its heap the same way, whatever metrics it has. It loads no module an
 * instrumentation patches (the OpenTelemetry app checks that nothing did before it starts).
 *
 * On request over the IPC channel, it collects garbage, then answers `process.memoryUsage()`: the heap
 * a variant keeps, not the garbage that happened to be waiting for the next collection. It also starts and stops
 * V8's CPU profiler through the inspector (`npm run bench -- --profile`): in the process, so that the profile
 * covers the load only, not start-up and shutdown as `node --cpu-prof` would.
 * Tasks are no way to ask: Nest's shutdown hooks take SIGUSR2 too.
 */
import { Session } from 'node:inspector/promises';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import {
  HEAP_REPORT,
  HEAP_REQUEST,
  PROFILE_REPORT,
  PROFILE_START,
  PROFILE_STARTED,
  PROFILE_STOP,
  type CpuProfile,
  type HeapReport,
  type ProfileReport,
} from './heap-probe.messages.js';

setFlagsFromString('--expose-gc');
// A fresh context sees the flag that the main one, created before it was set, does not.
const collectGarbage = runInNewContext('gc') as () => void;

/** Sampling period of the profiler: fine enough for frames of a few microseconds per request. */
const PROFILE_INTERVAL_US = 100;
let profiler: Session | undefined;

async function onProfileMessage(type: unknown): Promise<void> {
  if (type === PROFILE_START) {
    profiler ??= new Session();
    profiler.connect();
    await profiler.post('Profiler.enable');
    await profiler.post('Profiler.setSamplingInterval', { interval: PROFILE_INTERVAL_US });
    await profiler.post('Profiler.start');
    process.send?.({ type: PROFILE_STARTED });
  } else if (type === PROFILE_STOP && profiler !== undefined) {
    const { profile } = await profiler.post('Profiler.stop');
    profiler.disconnect();
    const report: ProfileReport = { type: PROFILE_REPORT, profile: profile as CpuProfile };
    process.send?.(report);
  }
}

if (process.send !== undefined) {
  process.on('message', (message: unknown) => {
    const type = (message as { type?: unknown } | null)?.type;
    if (type === HEAP_REQUEST) {
      collectGarbage();
      const report: HeapReport = { type: HEAP_REPORT, usage: process.memoryUsage() };
      process.send?.(report);
    } else {
      void onProfileMessage(type);
    }
  });
  // The channel must not keep the app alive on its own: it stops on SIGTERM as it would in production.
  process.channel?.unref();
  // The benchmark is gone (killed, crashed): stop as on SIGTERM rather than stay behind.
  process.on('disconnect', () => process.kill(process.pid, 'SIGTERM'));
}
