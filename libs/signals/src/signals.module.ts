import { type DynamicModule, Module } from '@nestjs/common';
import { HealthController } from './health.controller';
import { RandomSource, SeededRandomSource } from './random-source';
import { SignalsController } from './signals.controller';
import { SignalsService } from './signals.service';
import type { SignalsSettings } from './signals.settings';
import { SIGNALS_SETTINGS } from './signals.tokens';

/**
 * The course's sample routes and `/health`. The importing app must make a `SignalsMetrics` adapter
 * visible (the metric adapter modules are global and export it).
 */
@Module({})
export class SignalsModule {
  static forRoot(settings: SignalsSettings): DynamicModule {
    return {
      module: SignalsModule,
      controllers: [SignalsController, HealthController],
      providers: [
        { provide: SIGNALS_SETTINGS, useValue: settings },
        { provide: RandomSource, useFactory: () => new SeededRandomSource(settings.seed) },
        SignalsService,
      ],
    };
  }
}
