import { Controller, Get, Inject, InternalServerErrorException, NotFoundException, Query, Req } from '@nestjs/common';
import type { IncomingMessage } from 'node:http';
import {
  FIXED_SIGNALS,
  OUTCOME_STATUS,
  SIGNAL_ROUTES,
  type FixedSignal,
  type SignalName,
  type SignalOutcome,
} from '@app/metrics';
import { assertNoQueryParameters, parseSampleSignalsQuery } from './sample-signals.query.js';
import { SignalsService } from './signals.service.js';
import { SIGNALS_SETTINGS } from './signals.tokens.js';
import type { SignalsSettings } from './signals.settings.js';

/** A request as Express hands it to a handler: its router set `route` to the matched route. */
type RoutedRequest = IncomingMessage & { route?: { path?: unknown } };

/** The fixed routes by path (libs/metrics' SIGNAL_ROUTES). */
const FIXED_ROUTES: ReadonlyMap<string, FixedSignal> = new Map(
  FIXED_SIGNALS.map((signal) => [SIGNAL_ROUTES[signal].path, signal]),
);
const FIXED_ROUTE_PATHS = [...FIXED_ROUTES.keys()];

/** Which fixed route matched: Express's route template, not the request's path (`/One/` matches `/one`). */
function signalOfRoute(request: RoutedRequest): FixedSignal {
  const signal = FIXED_ROUTES.get(String(request.route?.path));
  if (signal === undefined) throw new Error(`no fixed signal route matched ${String(request.url)}`);
  return signal;
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

  /** Every fixed route of the table: one handler, registered by Nest once per path (each its own `route`). */
  @Get(FIXED_ROUTE_PATHS)
  async fixed(@Req() request: RoutedRequest, @Query() query: Record<string, unknown>): Promise<SignalAnswer> {
    const signal = signalOfRoute(request);
    assertNoQueryParameters(query);
    return answer(signal, await this.signals.fixed(signal));
  }

  @Get(SIGNAL_ROUTES.sample.path)
  async sample(@Query() query: Record<string, unknown>): Promise<SignalAnswer> {
    const request = parseSampleSignalsQuery(query, this.settings);
    return answer('sample', await this.signals.sample(request));
  }
}
