import type { TrafficConfig } from '@app/traffic';
import type { DemoOptions } from './demo-options.js';

/**
 * The demo's traffic includes a client's occasional malformed request (a query parameter its route refuses, 400), as
 * real traffic does, so that the dashboard's "400 Bad Request per route" panel draws data; 2 % stays below
 * HttpBadRequestRatioHigh's 10 %.
 */
export const DEMO_REFUSED_SHARE = 0.02;

/** What the demo sends to both apps: the options' rate to each, for their duration, with their task weights. */
export function demoTraffic(
  targets: readonly string[],
  options: Pick<DemoOptions, 'rate' | 'durationSeconds' | 'weights'>,
): TrafficConfig {
  return {
    targets,
    concurrency: 8,
    rate: options.rate * targets.length,
    durationSeconds: options.durationSeconds,
    taskWeights: options.weights,
    refusedShare: DEMO_REFUSED_SHARE,
  };
}
