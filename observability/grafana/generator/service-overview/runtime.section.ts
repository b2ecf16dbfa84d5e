import { OTEL_RUNTIME_METRICS, PROM_CLIENT_RUNTIME_METRICS } from '@app/metrics';
import { type DashboardSection } from '../dashboard-section.js';
import { VARIABLES } from '../dashboard-variables.js';
import { type PanelQuery, timeSeriesPanel } from '../panels.js';
import { aggregate, matches, rate, selector } from '../../../promql.js';
import { otelSeries, rawSeriesOf } from '../path-series.js';
import { RECORDED_LABELS as L } from '../recorded-labels.js';

export const NODE_RUNTIME: DashboardSection = {
  row: 'Node.js runtime',
  panels: () => [
    runtimePanel(
      'Event-loop delay p99',
      `99th percentile of the event-loop delay: \`${PROM_CLIENT_RUNTIME_METRICS.eventLoopDelayP99.name}\` (prom-client) and ` +
        `\`${OTEL_RUNTIME_METRICS.eventLoopDelayP99.name}\` (OpenTelemetry), both from Node's monitorEventLoopDelay.`,
      's',
      (m) => aggregate('max', [L.instrumentation], selector(PROM_CLIENT_RUNTIME_METRICS.eventLoopDelayP99.name, ...m)),
      (m) => aggregate('max', [L.instrumentation], otelSeries(OTEL_RUNTIME_METRICS.eventLoopDelayP99, '', m)),
    ),
    runtimePanel(
      'V8 heap used',
      `\`${PROM_CLIENT_RUNTIME_METRICS.heapUsed.name}\` (prom-client) and the sum over heap spaces of ` +
        `\`${OTEL_RUNTIME_METRICS.heapUsed.name}\` (OpenTelemetry).`,
      'bytes',
      (m) => aggregate('sum', [L.instrumentation], selector(PROM_CLIENT_RUNTIME_METRICS.heapUsed.name, ...m)),
      (m) => aggregate('sum', [L.instrumentation], otelSeries(OTEL_RUNTIME_METRICS.heapUsed, '', m)),
    ),
    runtimePanel(
      'Time spent in garbage collection',
      `Share of wall time spent in GC pauses: rate of \`${PROM_CLIENT_RUNTIME_METRICS.gcDuration.name}_sum\` (prom-client) ` +
        `and of \`${OTEL_RUNTIME_METRICS.gcDuration.name}_sum\` (OpenTelemetry).`,
      'percentunit',
      (m) =>
        aggregate(
          'sum',
          [L.instrumentation],
          rate(selector(`${PROM_CLIENT_RUNTIME_METRICS.gcDuration.name}_sum`, ...m), '$__rate_interval'),
        ),
      (m) =>
        aggregate(
          'sum',
          [L.instrumentation],
          otelSeries(OTEL_RUNTIME_METRICS.gcDuration, '_sum', m, (raw) => rate(raw, '$__rate_interval')),
        ),
    ),
    runtimePanel(
      'CPU usage',
      `CPU seconds used per second (1 = one core busy): rate of \`${PROM_CLIENT_RUNTIME_METRICS.cpuTime.name}\`. ` +
        'prom-client path only: the OpenTelemetry runtime instrumentation measures the event loop, the heap ' +
        'and GC, not CPU (that is the host-metrics instrumentation, which this app does not load).',
      'percentunit',
      (m) =>
        aggregate(
          'sum',
          [L.instrumentation],
          rate(selector(PROM_CLIENT_RUNTIME_METRICS.cpuTime.name, ...m), '$__rate_interval'),
        ),
      undefined,
    ),
  ],
};

function runtimePanel(
  title: string,
  description: string,
  unit: string,
  promClientExpr: (matchers: string[]) => string,
  otelExpr: ((matchers: string[]) => string) | undefined,
) {
  const queries: PanelQuery[] = [
    { expr: promClientExpr(rawSeriesOf('promClient', VARIABLES.instrumentation)), legend: `{{${L.instrumentation}}}` },
  ];
  // No job matcher: otelSeries adds the scraped and the pushed one.
  if (otelExpr)
    queries.push({
      expr: otelExpr([matches(L.instrumentation, VARIABLES.instrumentation)]),
      legend: `{{${L.instrumentation}}}`,
    });
  return timeSeriesPanel({ title, description, unit, queries, width: 12, height: 8, min: 0 });
}
