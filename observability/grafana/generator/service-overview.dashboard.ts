/**
 * "Signals service overview": the dashboard a person on call opens. HTTP panels read the recording
 * rules, which give both metric paths one schema (`route`, `method`, `code`); business and runtime
 * panels read the raw series, named by the catalogue (runtime metrics included, libs/metrics/src/runtime-metrics.ts).
 */
import { RowBuilder, type Dashboard } from '@grafana/grafana-foundation-sdk/dashboard';
import {
  AVAILABILITY_SLO,
  OTEL_RUNTIME_METRICS,
  PROM_CLIENT_RUNTIME_METRICS,
  RECORDING_RULES,
  SIGNALS_METRICS,
} from '@app/metrics';
import { generatedDashboard } from './dashboard-settings.js';
import { pathVariable, routeVariable, signalVariable, VARIABLES } from './dashboard-variables.js';
import { barGaugePanel, heatmapPanel, statPanel, tablePanel, timeSeriesPanel, type PanelQuery } from './panels.js';
import {
  aggregate,
  eitherOtelDelivery,
  eq,
  histogramQuantile,
  matches,
  rate,
  rawSeriesOf,
  selector,
} from './promql.js';
import { RECORDED_LABELS as L } from './recorded-labels.js';

export const SERVICE_OVERVIEW_UID = 'signals-service-overview';

/** Share of requests allowed to fail: 1 − AVAILABILITY_SLO, rounded off the float noise (0.01, not 0.010000000000000009). */
export const ERROR_BUDGET = Number((1 - AVAILABILITY_SLO).toPrecision(6));

/** Latency quantiles drawn from the histogram_quantile recording rule. */
const LATENCY_QUANTILES = ['0.5', '0.9', '0.99'] as const;

const byPath = matches(L.path, VARIABLES.path);
const byRoute = matches(L.route, VARIABLES.route);
const bySignal = matches(L.signal, VARIABLES.signal);

/** Requests per second of the selected paths and routes, from the rule, optionally of some status codes. */
function requestRate(by: readonly string[], ...codeMatchers: string[]): string {
  return aggregate('sum', by, selector(RECORDING_RULES.requestRate, byPath, byRoute, ...codeMatchers));
}

function errorCodePanel(code: '404' | '500', meaning: string) {
  return timeSeriesPanel({
    title: `${code} ${meaning} per route`,
    description:
      `Answers with status ${code} per second, per route and metric path ` +
      `(recording rule \`${RECORDING_RULES.requestRate}\`, label \`${L.code}="${code}"\`).`,
    unit: 'reqps',
    min: 0,
    width: 12,
    height: 9,
    queries: [{ expr: requestRate([L.path, L.route], eq(L.code, code)), legend: `{{${L.path}}} {{${L.route}}}` }],
  });
}

function errorRatioQueries(): PanelQuery[] {
  return (['5m', '1h', '6h'] as const).map((window) => ({
    expr: aggregate('max', [L.path], selector(RECORDING_RULES.errorRatio[window], byPath)),
    legend: `{{${L.path}}} ${window}`,
  }));
}

/** A histogram's quantiles on the selected paths, computed at query time (`histogram_quantile`). */
function workDurationQuantiles(by: readonly string[], matchers: readonly string[], window: string): PanelQuery[] {
  const buckets = selector(`${SIGNALS_METRICS.workDuration.name}_bucket`, ...matchers);
  return LATENCY_QUANTILES.map((quantile) => ({
    expr: histogramQuantile(Number(quantile), aggregate('sum', [...by, L.le], rate(buckets, window))),
    legend: `${by.map((label) => `{{${label}}}`).join(' ')} q${quantile}`,
  }));
}

function runtimePanel(
  title: string,
  description: string,
  unit: string,
  promClientExpr: (matchers: string[]) => string,
  otelExpr: ((matchers: string[]) => string) | undefined,
) {
  const queries: PanelQuery[] = [
    { expr: promClientExpr(rawSeriesOf('promClient', VARIABLES.path)), legend: `{{${L.path}}}` },
  ];
  // No job matcher: eitherOtelDelivery adds the scraped and the pushed one.
  if (otelExpr) queries.push({ expr: otelExpr([matches(L.path, VARIABLES.path)]), legend: `{{${L.path}}}` });
  return timeSeriesPanel({ title, description, unit, queries, width: 12, height: 8, min: 0 });
}

export function buildServiceOverviewDashboard(): Dashboard {
  return (
    generatedDashboard(
      SERVICE_OVERVIEW_UID,
      'Signals service overview',
      'Traffic, error codes, SLO, latency, business metrics and Node.js runtime of the signals service, on both metric paths.',
    )
      .withVariable(pathVariable())
      .withVariable(routeVariable({ byPath: true }))
      .withVariable(signalVariable())

      // At a glance: throughput, failures against the objective, and what is firing right now.
      .withPanel(
        statPanel({
          title: 'Requests per second',
          description: `All routes, per metric path (recording rule \`${RECORDING_RULES.serviceRequestRate}\`).`,
          unit: 'reqps',
          width: 6,
          height: 6,
          queries: [
            {
              expr: aggregate('sum', [L.path], selector(RECORDING_RULES.serviceRequestRate, byPath)),
              legend: `{{${L.path}}}`,
            },
          ],
        }),
      )
      .withPanel(
        statPanel({
          title: '5xx error ratio (5 min)',
          description:
            `Share of requests answered 5xx over the last 5 minutes (\`${RECORDING_RULES.errorRatio['5m']}\`). ` +
            `Red at the error budget of the ${AVAILABILITY_SLO * 100} % availability objective (${ERROR_BUDGET * 100} %).`,
          unit: 'percentunit',
          width: 6,
          height: 6,
          redAbove: ERROR_BUDGET,
          queries: [
            {
              expr: aggregate('max', [L.path], selector(RECORDING_RULES.errorRatio['5m'], byPath)),
              legend: `{{${L.path}}}`,
            },
          ],
        }),
      )
      .withPanel(
        tablePanel({
          title: 'Firing alerts',
          description:
            'Alerts Prometheus is firing now (`ALERTS{alertstate="firing"}`), one row each. The Watchdog alert ' +
            'always fires: its row proves the alerting pipeline is alive. Silences and routing: Alerting → Alertmanager.',
          unit: 'none',
          width: 12,
          height: 6,
          hiddenColumns: ['Time', 'Value', '__name__', 'alertstate'],
          queries: [{ expr: selector('ALERTS', eq('alertstate', 'firing')), legend: '{{alertname}}' }],
        }),
      )

      // The course's assignment: follow each error code, per route.
      .withRow(new RowBuilder('Error codes per route'))
      .withPanel(errorCodePanel('404', 'Not Found'))
      .withPanel(errorCodePanel('500', 'Internal Server Error'))
      .withPanel(
        barGaugePanel({
          title: '4xx and 5xx answers in the time range',
          description:
            "How many error answers each route gave over the dashboard's time range, per status code: " +
            `the mean of the 5-minute rate (\`${RECORDING_RULES.requestRate}\`) times the range, so an estimate.`,
          unit: 'short',
          width: 12,
          height: 9,
          queries: [
            {
              expr: `round(${aggregate(
                'sum',
                [L.path, L.route, L.code],
                `avg_over_time(${selector(RECORDING_RULES.requestRate, byPath, byRoute, matches(L.code, '4..|5..'))}[$__range])`,
              )} * $__range_s)`,
              legend: `{{${L.path}}} {{${L.route}}} {{${L.code}}}`,
            },
          ],
        }),
      )
      .withPanel(
        timeSeriesPanel({
          title: 'Request rate by route and status code',
          description: `Requests per second, per route and status code (\`${RECORDING_RULES.requestRate}\`).`,
          unit: 'reqps',
          min: 0,
          width: 12,
          height: 9,
          queries: [
            { expr: requestRate([L.path, L.route, L.code]), legend: `{{${L.path}}} {{${L.route}}} {{${L.code}}}` },
          ],
        }),
      )

      .withRow(new RowBuilder('Availability against the SLO'))
      .withPanel(
        timeSeriesPanel({
          title: '5xx error ratio against the error budget',
          description:
            `Share of requests answered 5xx over 5 minutes, 1 hour and 6 hours (\`${RECORDING_RULES.errorRatio['5m']}\` ` +
            `and its siblings), the windows of the burn-rate alerts. The dashed line is the error budget ` +
            `(${ERROR_BUDGET * 100} %) of the ${AVAILABILITY_SLO * 100} % availability objective: a ratio that stays above it ` +
            'spends the budget faster than the objective allows.',
          unit: 'percentunit',
          min: 0,
          redAbove: ERROR_BUDGET,
          width: 12,
          height: 8,
          queries: errorRatioQueries(),
        }),
      )
      .withPanel(
        timeSeriesPanel({
          title: 'Share of requests by status class',
          description: `Share of the requests answered with each status class (\`${RECORDING_RULES.statusClassRatio}\`).`,
          unit: 'percentunit',
          min: 0,
          width: 12,
          height: 8,
          queries: [
            {
              expr: aggregate('max', [L.path, L.statusClass], selector(RECORDING_RULES.statusClassRatio, byPath)),
              legend: `{{${L.path}}} {{${L.statusClass}}}`,
            },
          ],
        }),
      )

      .withRow(new RowBuilder('Latency'))
      .withPanel(
        timeSeriesPanel({
          title: 'Latency p50 / p90 / p99 per route',
          description:
            `Request duration quantiles over 5 minutes, per route (\`${RECORDING_RULES.durationQuantiles}\`, ` +
            'computed by the rule with histogram_quantile from the buckets of either path).',
          unit: 's',
          min: 0,
          width: 12,
          height: 9,
          queries: [
            {
              expr: aggregate(
                'max',
                [L.path, L.route, L.quantile],
                selector(
                  RECORDING_RULES.durationQuantiles,
                  byPath,
                  byRoute,
                  matches(L.quantile, LATENCY_QUANTILES.join('|')),
                ),
              ),
              legend: `{{${L.path}}} {{${L.route}}} q{{${L.quantile}}}`,
            },
          ],
        }),
      )
      .withPanel(
        heatmapPanel({
          title: 'Latency distribution',
          description:
            'Requests per second in each latency bucket, selected paths and routes together ' +
            `(\`${RECORDING_RULES.durationBucketRate}\`). Dense bands show where most requests lie.`,
          unit: 'reqps',
          bucketUnit: 's',
          width: 12,
          height: 9,
          queries: [
            {
              expr: aggregate('sum', [L.le], selector(RECORDING_RULES.durationBucketRate, byPath, byRoute)),
              legend: `{{${L.le}}}`,
            },
          ],
        }),
      )

      .withRow(new RowBuilder('Business metrics (signals)'))
      .withPanel(
        timeSeriesPanel({
          title: 'Signals answered per second, by outcome',
          description:
            `The custom business counter \`${SIGNALS_METRICS.outcomes.name}\` as a 5-minute rate ` +
            `(\`${RECORDING_RULES.signalOutcomeRate}\`), per outcome: ok, not_found (404), server_error (500).`,
          unit: 'ops',
          min: 0,
          stacked: true,
          width: 12,
          height: 8,
          queries: [
            {
              expr: aggregate(
                'sum',
                [L.path, L.outcome],
                selector(RECORDING_RULES.signalOutcomeRate, byPath, bySignal),
              ),
              legend: `{{${L.path}}} {{${L.outcome}}}`,
            },
          ],
        }),
      )
      .withPanel(
        timeSeriesPanel({
          title: 'Signals in flight',
          description: `Signals being worked on right now (gauge \`${SIGNALS_METRICS.inFlight.name}\`).`,
          unit: 'short',
          min: 0,
          width: 12,
          height: 8,
          queries: [
            {
              expr: aggregate('sum', [L.path, L.signal], selector(SIGNALS_METRICS.inFlight.name, byPath, bySignal)),
              legend: `{{${L.path}}} {{${L.signal}}}`,
            },
          ],
        }),
      )
      .withPanel(
        timeSeriesPanel({
          title: 'Signal work duration p50 / p90 / p99',
          description:
            `Quantiles of the histogram \`${SIGNALS_METRICS.workDuration.name}\`, computed at query time with ` +
            'histogram_quantile over the buckets of all selected signals.',
          unit: 's',
          min: 0,
          width: 12,
          height: 8,
          queries: workDurationQuantiles([L.path], [byPath, bySignal], '$__rate_interval'),
        }),
      )
      .withPanel(summaryAgainstHistogramPanel())

      .withRow(new RowBuilder('Node.js runtime'))
      .withPanel(
        runtimePanel(
          'Event-loop delay p99',
          `99th percentile of the event-loop delay: \`${PROM_CLIENT_RUNTIME_METRICS.eventLoopDelayP99.name}\` (prom-client) and ` +
            `\`${OTEL_RUNTIME_METRICS.eventLoopDelayP99.name}\` (OpenTelemetry), both from Node's monitorEventLoopDelay.`,
          's',
          (m) => aggregate('max', [L.path], selector(PROM_CLIENT_RUNTIME_METRICS.eventLoopDelayP99.name, ...m)),
          (m) => aggregate('max', [L.path], eitherOtelDelivery(OTEL_RUNTIME_METRICS.eventLoopDelayP99, '', m)),
        ),
      )
      .withPanel(
        runtimePanel(
          'V8 heap used',
          `\`${PROM_CLIENT_RUNTIME_METRICS.heapUsed.name}\` (prom-client) and the sum over heap spaces of ` +
            `\`${OTEL_RUNTIME_METRICS.heapUsed.name}\` (OpenTelemetry).`,
          'bytes',
          (m) => aggregate('sum', [L.path], selector(PROM_CLIENT_RUNTIME_METRICS.heapUsed.name, ...m)),
          (m) => aggregate('sum', [L.path], eitherOtelDelivery(OTEL_RUNTIME_METRICS.heapUsed, '', m)),
        ),
      )
      .withPanel(
        runtimePanel(
          'Time spent in garbage collection',
          `Share of wall time spent in GC pauses: rate of \`${PROM_CLIENT_RUNTIME_METRICS.gcDuration.name}_sum\` (prom-client) ` +
            `and of \`${OTEL_RUNTIME_METRICS.gcDuration.name}_sum\` (OpenTelemetry).`,
          'percentunit',
          (m) =>
            aggregate(
              'sum',
              [L.path],
              rate(selector(`${PROM_CLIENT_RUNTIME_METRICS.gcDuration.name}_sum`, ...m), '$__rate_interval'),
            ),
          (m) =>
            aggregate(
              'sum',
              [L.path],
              eitherOtelDelivery(OTEL_RUNTIME_METRICS.gcDuration, '_sum', m, (raw) => rate(raw, '$__rate_interval')),
            ),
        ),
      )
      .withPanel(
        runtimePanel(
          'CPU usage',
          `CPU seconds used per second (1 = one core busy): rate of \`${PROM_CLIENT_RUNTIME_METRICS.cpuTime.name}\`. ` +
            'prom-client path only: the OpenTelemetry runtime instrumentation measures the event loop, the heap ' +
            'and GC, not CPU (that is the host-metrics instrumentation, which this app does not load).',
          'percentunit',
          (m) =>
            aggregate(
              'sum',
              [L.path],
              rate(selector(PROM_CLIENT_RUNTIME_METRICS.cpuTime.name, ...m), '$__rate_interval'),
            ),
          undefined,
        ),
      )
      .build()
  );
}

/**
 * The prom-client summary's quantiles beside the same quantiles computed from the histogram, both over
 * the summary's sliding window: a summary is exact per process but cannot be aggregated across signals
 * or processes; histogram_quantile can, at the price of bucket interpolation.
 */
function summaryAgainstHistogramPanel() {
  const summary = SIGNALS_METRICS.workDurationSummary;
  const window = `${summary.maxAgeSeconds}s`;
  const promClient = rawSeriesOf('promClient', VARIABLES.path);
  return timeSeriesPanel({
    title: 'Summary quantiles vs histogram_quantile (prom-client)',
    description:
      `\`${summary.name}\` (a prom-client summary: quantiles computed in the process over the last ` +
      `${summary.maxAgeSeconds / 60} minutes) beside histogram_quantile over \`${SIGNALS_METRICS.workDuration.name}\` ` +
      `with the same ${window} window. With several workers each keeps its own summary quantiles, which cannot be ` +
      `merged: the panel shows the worst worker's. OpenTelemetry has no summary instrument: on that path only the ` +
      `histogram exists.`,
    unit: 's',
    min: 0,
    width: 12,
    height: 8,
    queries: [
      {
        // With several workers each keeps its own quantiles (label `worker`): they cannot be merged, so the
        // panel shows the worst worker's, an upper bound.
        expr: aggregate(
          'max',
          [L.signal, L.quantile],
          selector(summary.name, ...promClient, bySignal, matches(L.quantile, LATENCY_QUANTILES.join('|'))),
        ),
        legend: `summary {{${L.signal}}} q{{${L.quantile}}}`,
      },
      ...workDurationQuantiles([L.signal], [...promClient, bySignal], window).map((query) => ({
        ...query,
        legend: `histogram_quantile ${query.legend}`,
      })),
    ],
  });
}
