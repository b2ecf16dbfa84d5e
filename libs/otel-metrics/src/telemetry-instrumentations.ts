import { getNodeAutoInstrumentations } from '@opentelemetry/auto-instrumentations-node';
import type { Instrumentation } from '@opentelemetry/instrumentation';
import { ignoreIncomingRequests } from './incoming-request-filter.js';
import type { TelemetryConfig } from './telemetry.config.js';
import { labelUnmatchedRoute } from './unmatched-route.js';

/**
 * The instrumentations this app needs, each for a stated reason, as `OTEL_NODE_ENABLED_INSTRUMENTATIONS`
 * spells them. The auto-instrumentations' own default enables 39 (all but fs and host-metrics): dns, net and
 * the rest then wrap lookups, sockets and calls for spans that no metric uses.
 *
 * - `runtime-node`: event loop delay and utilisation, V8 heap spaces, GC durations: always;
 * - `http`: spans of every request, and then `http.server.request.duration` too; `express` names their route
 *   (`http.route`, the matched template). Loaded only when spans are exported: without spans, the HTTP histogram
 *   comes from a middleware (http-server-metrics.ts), since instrumentation-http creates a span and a context for
 *   every request even when none is exported, several times the cost of the metric itself (docs/benchmarks.md).
 *
 * Not `nestjs-core`: its newest release (0.71, which auto-instrumentations-node 0.82 pulls) declares `@nestjs/core`
 * `>=4.0.0 <12` and so patches nothing on NestJS 12; loading it would only look like Nest spans were recorded.
 */
export const HTTP_INSTRUMENTATION = 'http';
export const METRIC_INSTRUMENTATIONS = ['runtime-node'] as const;
export const TRACE_INSTRUMENTATIONS = [HTTP_INSTRUMENTATION, 'express'] as const;

/** The names to enable when the user set no `OTEL_NODE_ENABLED_INSTRUMENTATIONS`. */
export function defaultEnabledInstrumentations(tracesFromEnv: boolean): string[] {
  return [...METRIC_INSTRUMENTATIONS, ...(tracesFromEnv ? TRACE_INSTRUMENTATIONS : [])];
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
