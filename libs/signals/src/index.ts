export { HEALTH_PATH } from './health.path';
export { pickOutcome } from './outcome-picker';
export { RandomSource, SeededRandomSource } from './random-source';
export { SAMPLE_SIGNALS_PARAMETERS, parseSampleSignalsQuery, type SampleSignalsRequest } from './sample-signals.query';
export { SignalsModule } from './signals.module';
export { SignalsService } from './signals.service';
export { readSignalsSettings, SIGNALS_DEFAULTS, type OutcomeWeights, type SignalsSettings } from './signals.settings';
