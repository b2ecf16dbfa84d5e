import { Controller, Get, Inject, InternalServerErrorException, NotFoundException, Query } from '@nestjs/common';
import { OUTCOME_STATUS, type SignalName, type SignalOutcome } from '@app/metrics';
import { assertNoQueryParameters, parseSampleSignalsQuery } from './sample-signals.query.js';
import { SignalsService, type FixedSignal } from './signals.service.js';
import { SIGNALS_SETTINGS } from './signals.tokens.js';
import type { SignalsSettings } from './signals.settings.js';

export interface SignalAnswer {
  signal: SignalName;
  outcome: SignalOutcome;
  status: number;
}

/**
 * The course's sample routes. Thin: validation and work live in their own files.
 * Dependencies are injected by explicit token rather than by emitted type metadata, so that the
 * class keeps working under per-file transpilers (isolatedModules) and type-only import rewrites.
 */
@Controller()
export class SignalsController {
  constructor(
    @Inject(SignalsService) private readonly signals: SignalsService,
    @Inject(SIGNALS_SETTINGS) private readonly settings: SignalsSettings,
  ) {}

  @Get('one')
  one(@Query() query: Record<string, unknown>): Promise<SignalAnswer> {
    return this.fixed('one', query);
  }

  @Get('two')
  two(@Query() query: Record<string, unknown>): Promise<SignalAnswer> {
    return this.fixed('two', query);
  }

  @Get('three')
  three(@Query() query: Record<string, unknown>): Promise<SignalAnswer> {
    return this.fixed('three', query);
  }

  @Get('four')
  four(@Query() query: Record<string, unknown>): Promise<SignalAnswer> {
    return this.fixed('four', query);
  }

  @Get('error')
  async error(@Query() query: Record<string, unknown>): Promise<SignalAnswer> {
    assertNoQueryParameters(query);
    return answer('error', await this.signals.error());
  }

  @Get('sample-signals')
  async sample(@Query() query: Record<string, unknown>): Promise<SignalAnswer> {
    const request = parseSampleSignalsQuery(query, this.settings);
    return answer('sample', await this.signals.sample(request));
  }

  private async fixed(signal: FixedSignal, query: Record<string, unknown>): Promise<SignalAnswer> {
    assertNoQueryParameters(query);
    return answer(signal, await this.signals.fixed(signal));
  }
}

/** Turns an outcome into the HTTP answer: exceptions, so that Nest's filters and every interceptor see the status. */
function answer(signal: SignalName, outcome: SignalOutcome): SignalAnswer {
  switch (outcome) {
    case 'not_found':
      throw new NotFoundException({ statusCode: 404, error: 'Not Found', signal, outcome });
    case 'server_error':
      throw new InternalServerErrorException({ statusCode: 500, error: 'Internal Server Error', signal, outcome });
    default:
      return { signal, outcome, status: OUTCOME_STATUS[outcome] };
  }
}
