import { getNodeAutoInstrumentations } from '@opentelemetry/auto-instrumentations-node';
import type { Instrumentation } from '@opentelemetry/instrumentation';
import { ignoreIncomingRequests } from './incoming-request-filter.js';
import type { TelemetryConfig } from './telemetry.config.js';
import { labelUnmatchedRoute } from './unmatched-route.js';

/**
 * The instrumentations this app needs, each for a stated reason, as `OTEL_NODE_ENABLED_INSTRUMENTATIONS`
 * spells them. The auto-instrumentations' own default enables 39 (all but fs and host-metrics): dns, net and
 * the rest then wrap lookups, sockets and calls for spans that no metric uses. docs/benchmarks.md measures
 * what the restriction saves: about 30 µs of CPU per request, and no memory, since the package loads every
 * instrumentation module either way.
 *
 * - `http`: records `http.server.request.duration`, this path's request metric;
 * - `express`: fills `http.route` with the matched template (`/sample-signals`), Nest routing through Express;
 * - `runtime-node`: event loop delay and utilisation, V8 heap spaces, GC durations;
 * - `nestjs-core`: spans of Nest's controllers and handlers only, no metric: added when spans are exported.
 */
export const METRIC_INSTRUMENTATIONS = ['http', 'express', 'runtime-node'] as const;
export const TRACE_ONLY_INSTRUMENTATIONS = ['nestjs-core'] as const;

/** The names to enable when the user set no `OTEL_NODE_ENABLED_INSTRUMENTATIONS`. */
export function defaultEnabledInstrumentations(tracesFromEnv: boolean): string[] {
  return [...METRIC_INSTRUMENTATIONS, ...(tracesFromEnv ? TRACE_ONLY_INSTRUMENTATIONS : [])];
}

/**
 * `getNodeAutoInstrumentations` from @opentelemetry/auto-instrumentations-node, restricted to
 * `config.enabledInstrumentations` and configured for this service. The restriction goes through the
 * package's own `OTEL_NODE_ENABLED_INSTRUMENTATIONS` (it reads no other allow-list), set only for the call.
 */
export function telemetryInstrumentations(config: TelemetryConfig): Instrumentation[] {
  const previous = process.env.OTEL_NODE_ENABLED_INSTRUMENTATIONS;
  process.env.OTEL_NODE_ENABLED_INSTRUMENTATIONS = config.enabledInstrumentations.join(',');
  try {
    return getNodeAutoInstrumentations({
      '@opentelemetry/instrumentation-http': {
        ignoreIncomingRequestHook: ignoreIncomingRequests({
          paths: config.ignoredIncomingPaths,
          ports: config.prometheus ? [config.prometheus.port] : [],
        }),
        responseHook: labelUnmatchedRoute,
        // The service calls no one: outgoing requests would only cost a wrapper per call.
        disableOutgoingRequestInstrumentation: true,
      },
    });
  } finally {
    if (previous === undefined) delete process.env.OTEL_NODE_ENABLED_INSTRUMENTATIONS;
    else process.env.OTEL_NODE_ENABLED_INSTRUMENTATIONS = previous;
  }
}
