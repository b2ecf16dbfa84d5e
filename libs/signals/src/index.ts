export { HEALTH_PATH } from './health.path.js';
export { pickOutcome } from './outcome-picker.js';
export { RandomSource, SeededRandomSource } from '@app/random';
export {
  SAMPLE_SIGNALS_PARAMETERS,
  parseSampleSignalsQuery,
  type SampleSignalsRequest,
} from './sample-signals.query.js';
export { SignalsMetrics, type WorkTimer } from './signals.metrics.js';
export { SignalsModule } from './signals.module.js';
export { SignalsService } from './signals.service.js';
export {
  readSignalsSettings,
  NO_WAIT_SIGNALS_ENV,
  SIGNALS_DEFAULTS,
  type OutcomeWeights,
  type SignalsSettings,
} from './signals.settings.js';
