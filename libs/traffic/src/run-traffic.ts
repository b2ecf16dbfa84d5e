import { setMaxListeners } from 'node:events';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { HttpRequestSender } from './http-request-sender.js';
import { LatencyRecorder } from './latency-recorder.js';
import { RequestPacer } from './request-pacer.js';
import { RequestPlanner } from './request-planner.js';
import { resolveTrafficOptions } from './resolve-traffic-options.js';
import type { TrafficConfig } from './traffic-config.js';
import { progressReporter } from './progress-reporter.js';
import type { TrafficProgress } from './traffic-progress.js';
import { buildTrafficReport } from './build-traffic-report.js';
import type { StopReason, TrafficReport } from './traffic-report.js';
import { TrafficTally } from './traffic-tally.js';

export interface RunTrafficControls {
  /** Called every `progressIntervalMs` while the run lasts, and once more at its end. */
  onProgress?: (progress: TrafficProgress) => void;
  /** Default 1000; at least 50, so a typo cannot turn progress into a busy loop. */
  progressIntervalMs?: number;
  /**
   * Aborting stops the run early: no new request starts, the ones in flight finish (each is bounded
   * by the timeout, so every sent request has an outcome and the tallies match the server's), and
   * the report comes back with `stopReason: 'aborted'`.
   */
  signal?: AbortSignal;
}

/**
 * Runs traffic as `config` says (validated first: a bad option throws `TrafficOptionsError`) and
 * resolves with the report once every sent request has finished. `concurrency` workers loop:
 * take the next planned request (the planner stops at exactly `requests`), wait for its slot when a
 * rate is set, send it, count its outcome.
 */
export async function runTraffic(config: TrafficConfig, controls: RunTrafficControls = {}): Promise<TrafficReport> {
  const options = resolveTrafficOptions(config);
  const planner = new RequestPlanner(options);
  const pacer = options.rate === undefined ? undefined : new RequestPacer(options.rate);
  const sender = new HttpRequestSender(options.concurrency, options.timeoutSeconds * 1000);
  const tally = new TrafficTally();
  const latencies = new LatencyRecorder(options.maxRequests);

  // One internal signal: the caller's abort, or a failing worker, stops every worker.
  const stop = new AbortController();
  // Each worker waiting for its slot listens on it: as many listeners as workers is expected, not a leak.
  setMaxListeners(options.concurrency + 10, stop.signal);
  const onCallerAbort = () => stop.abort();
  if (controls.signal?.aborted) stop.abort();
  controls.signal?.addEventListener('abort', onCallerAbort, { once: true });

  const startedAt = new Date();
  const startMs = performance.now();
  const deadlineMs = startMs + options.maxDurationSeconds * 1000;
  let sent = 0;

  const worker = async (): Promise<void> => {
    while (!stop.signal.aborted && performance.now() < deadlineMs) {
      const planned = planner.take();
      if (planned === undefined) return;
      if (pacer !== undefined) {
        const slotMs = pacer.reserve(performance.now());
        if (slotMs >= deadlineMs) return;
        if (!(await waitUntil(slotMs, stop.signal))) return;
      }
      sent++;
      const outcome = await sender.send(planned.url);
      tally.add(planned.target, planned.route, outcome);
      if (outcome.kind === 'response') latencies.record(outcome.latencyMs);
    }
  };

  const progress = progressReporter(controls.onProgress, () => ({
    elapsedMs: performance.now() - startMs,
    sent,
    finished: tally.finished,
    byOutcome: tally.byOutcome(),
    plannedRequests: options.requests,
    plannedSeconds: options.durationSeconds,
  }));
  const progressTimer = setInterval(progress, Math.max(50, controls.progressIntervalMs ?? 1000));
  progressTimer.unref();

  // Boxed: the first failure is thrown again exactly as caught, whatever it is (even undefined).
  let failure: { readonly error: unknown } | undefined;
  try {
    const workers = Array.from({ length: Math.min(options.concurrency, options.maxRequests) }, () =>
      worker().catch((error: unknown) => {
        failure ??= { error };
        stop.abort();
      }),
    );
    await Promise.all(workers);
  } finally {
    clearInterval(progressTimer);
    controls.signal?.removeEventListener('abort', onCallerAbort);
    sender.close();
  }
  if (failure !== undefined) throw failure.error;
  progress();

  const elapsedSeconds = (performance.now() - startMs) / 1000;
  const stopReason: StopReason =
    sent >= options.maxRequests ? 'requests' : stop.signal.aborted ? 'aborted' : 'duration';
  return buildTrafficReport({ options, startedAt, elapsedSeconds, stopReason, sent, tally, latencies });
}

/** Sleeps until `atMs` (performance.now() clock); false when aborted meanwhile. */
async function waitUntil(atMs: number, signal: AbortSignal): Promise<boolean> {
  const delayMs = atMs - performance.now();
  if (delayMs <= 0) return !signal.aborted;
  try {
    await sleep(delayMs, undefined, { signal });
    return true;
  } catch {
    return false;
  }
}
