import { MetricRecorder } from './metric-recorder.port.js';

/** One shared recorder of every kind: recording does nothing, so nothing is allocated per request either. */
const NOTHING = { add: () => undefined, observe: () => undefined };

/**
 * The metrics port bound to nothing: the business runs exactly as in the apps that record, its timers included,
 * and nothing is recorded. The baseline app's, the benchmark's reference point against which each metric path's
 * cost is measured, and the tests' that assert on the business rather than its metrics.
 */
export class NoOpMetricRecorder extends MetricRecorder {
  override readonly counter: MetricRecorder['counter'] = () => NOTHING;
  override readonly gauge: MetricRecorder['gauge'] = () => NOTHING;
  override readonly histogram: MetricRecorder['histogram'] = () => NOTHING;
  override readonly summary: MetricRecorder['summary'] = () => NOTHING;
}
