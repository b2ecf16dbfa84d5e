export { HEALTH_PATH } from './health.path.js';
export { pickOutcome } from './outcome-picker.js';
export { RandomSource, SeededRandomSource } from '@app/random';
export {
  SAMPLE_SIGNALS_PARAMETERS,
  parseSampleSignalsQuery,
  type SampleSignalsRequest,
} from './sample-signals.query.js';
export { TasksMetrics, type WorkTimer } from './tasks.metrics.js';
export { TasksModule } from './tasks.module.js';
export { TasksService } from './tasks.service.js';
export { WORKLOAD_PATH, WORKLOAD_WAIT_MS } from './workload.controller.js';
export {
  readTasksSettings,
  NO_WAIT_TASKS_ENV,
  TASKS_DEFAULTS,
  type OutcomeWeights,
  type TasksSettings,
} from './tasks.settings.js';
