import { type DynamicModule, Logger, Module } from '@nestjs/common';
import { HealthController } from './health.controller.js';
import { RandomSource, SeededRandomSource } from '@app/random';
import { SignalsController } from './signals.controller.js';
import { SignalsMetrics } from './signals.metrics.js';
import { SignalsService } from './signals.service.js';
import type { SignalsSettings } from './signals.settings.js';
import { SIGNALS_SETTINGS } from './signals.tokens.js';

/**
 * The course's sample routes and `/health`. The importing app must make a `MetricRecorder` adapter visible (the
 * metric adapter modules are global and export it); the signals record through it.
 */
@Module({})
export class SignalsModule {
  static forRoot(settings: SignalsSettings): DynamicModule {
    return {
      module: SignalsModule,
      controllers: [SignalsController, HealthController],
      providers: [
        { provide: SIGNALS_SETTINGS, useValue: settings },
        { provide: RandomSource, useFactory: () => seededRandomSource(settings.seed) },
        SignalsMetrics,
        SignalsService,
      ],
    };
  }
}

/** Logs the seed, drawn or given, so that any run can be replayed with `SIGNALS_SEED`. */
function seededRandomSource(seed: number | undefined): RandomSource {
  const source = new SeededRandomSource(seed);
  new Logger(SignalsModule.name).log(`Random seed ${source.seed} (set SIGNALS_SEED=${source.seed} to replay this run)`);
  return source;
}
