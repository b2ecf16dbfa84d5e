import type { WorkerIpc } from '@app/worker-cluster';
import type { Telemetry } from '../telemetry.bootstrap.js';
import { WORKER_EXPOSITION_TOPIC } from './exposition.topics.js';

/**
 * In a cluster worker: answers the primary's requests for this worker's exposition, which the primary
 * merges with the other workers' into its scrape endpoint. Returns the function that stops answering.
 */
export function answerExpositionRequests(ipc: WorkerIpc, telemetry: Pick<Telemetry, 'collectExposition'>) {
  return ipc.handle(WORKER_EXPOSITION_TOPIC, () => telemetry.collectExposition());
}
