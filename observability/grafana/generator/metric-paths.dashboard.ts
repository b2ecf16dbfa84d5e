/**
 * "OpenTelemetry vs prom-client": the same tasks from both paths side by side, on their RAW series,
 * so that a reader sees how names, labels and values map; then the recording rules that unify them.
 * Left column prom-client, right column OpenTelemetry, one row per task.
 */
import { RowBuilder, type Dashboard } from '@grafana/grafana-foundation-sdk/dashboard';
import {
  METRIC_PATHS,
  type MetricPath,
  OTEL_HTTP_METRICS,
  OTEL_RUNTIME_METRICS,
  OTEL_TASKS_METRICS,
  PROM_CLIENT_HTTP_METRICS,
  PROM_CLIENT_RUNTIME_METRICS,
  RECORDING_RULES,
  TASKS_METRICS,
  UNMATCHED_ROUTE,
} from '@app/metrics';
import { generatedDashboard } from './dashboard-settings.js';
import { routeVariable, taskVariable, VARIABLES } from './dashboard-variables.js';
import { HALF_WIDTH, markdownPanel, type PanelQuery, SECONDS_FROM_ZERO, timeSeriesPanel } from './panels.js';
import {
  aggregate,
  classicOrNativeCount,
  classicOrNativeQuantile,
  eq,
  histogramQuantile,
  matches,
  rate,
  selector,
} from '../../promql.js';
import { otelSeries } from './path-series.js';
import { SELECTORS } from '../../prometheus/selectors.js';
import { RECORDED_LABELS as L } from './recorded-labels.js';

export const METRIC_PATHS_UID = 'tasks-metric-paths';

const RATE_WINDOW = '$__rate_interval';

const [PROM_GC_KIND] = PROM_CLIENT_RUNTIME_METRICS.gcDuration.labelNames;
const [OTEL_GC_KIND] = OTEL_RUNTIME_METRICS.gcDuration.labelNames;
const [OTEL_HEAP_SPACE] = OTEL_RUNTIME_METRICS.heapUsed.labelNames;
const COMPARED_QUANTILE = 0.9;

const [PROM_METHOD, PROM_ROUTE, PROM_STATUS] = PROM_CLIENT_HTTP_METRICS.requests.labelNames;
const [OTEL_METHOD, OTEL_ROUTE, OTEL_STATUS] = OTEL_HTTP_METRICS.duration.labelNames;

const jobOf = (path: MetricPath) => SELECTORS[path];
const legendOf = (...labels: string[]) => labels.map((label) => `{{${label}}}`).join(' ');

interface SideBySide {
  readonly title: string;
  readonly unit: string;
  readonly promClient: { readonly description: string; readonly queries: readonly PanelQuery[] };
  readonly otel: { readonly description: string; readonly queries: readonly PanelQuery[] };
}

/** One row: the prom-client panel on the left, the OpenTelemetry one on the right, same unit and title. */
function sideBySide(spec: SideBySide) {
  const half = { unit: spec.unit, min: 0, width: 12, height: 8 };
  return [
    timeSeriesPanel({ ...half, title: `prom-client: ${spec.title}`, ...spec.promClient }),
    timeSeriesPanel({ ...half, title: `OpenTelemetry: ${spec.title}`, ...spec.otel }),
  ];
}

const OTEL_DURATION = OTEL_HTTP_METRICS.duration;

const MAPPING = `
| Task | prom-client (job \`${METRIC_PATHS.promClient.job}\`) | OpenTelemetry (job \`${METRIC_PATHS.otel.job}\`, scraped, through the Collector or pushed as OTLP) |
| --- | --- | --- |
| HTTP requests | \`${PROM_CLIENT_HTTP_METRICS.requests.name}{${PROM_METHOD}, ${PROM_ROUTE}, ${PROM_STATUS}}\` | \`${OTEL_HTTP_METRICS.duration.name}_count{${OTEL_METHOD}, ${OTEL_ROUTE}, ${OTEL_STATUS}}\` |
| HTTP latency | \`${PROM_CLIENT_HTTP_METRICS.duration.name}_bucket\` | \`${OTEL_HTTP_METRICS.duration.name}_bucket\` (no \`_seconds\`: the exporter adds no unit suffix) |
| Business | \`${TASKS_METRICS.outcomes.name}\`, \`${TASKS_METRICS.inFlight.name}\`, \`${TASKS_METRICS.workDuration.name}\`, \`${TASKS_METRICS.workDurationSummary.name}\` | \`${OTEL_TASKS_METRICS.outcomes.name}\`, \`${OTEL_TASKS_METRICS.inFlight.name}\`, \`${OTEL_TASKS_METRICS.workDuration.name}\` (instruments \`${TASKS_METRICS.outcomes.instrumentName}\`, \`${TASKS_METRICS.inFlight.instrumentName}\`, \`${TASKS_METRICS.workDuration.instrumentName}\`), the same labels, no summary |
| Event-loop delay | \`${PROM_CLIENT_RUNTIME_METRICS.eventLoopDelayP99.name}\` | \`${OTEL_RUNTIME_METRICS.eventLoopDelayP99.name}\` |
| Heap | \`${PROM_CLIENT_RUNTIME_METRICS.heapUsed.name}\` | \`${OTEL_RUNTIME_METRICS.heapUsed.name}{${OTEL_HEAP_SPACE}}\` |
| GC | \`${PROM_CLIENT_RUNTIME_METRICS.gcDuration.name}{${PROM_GC_KIND}}\` | \`${OTEL_RUNTIME_METRICS.gcDuration.name}{${OTEL_GC_KIND}}\` |

The OpenTelemetry exporter counts requests in the histogram's \`_count\`: it has no separate counter. Both paths label
requests with the semantic conventions' names, so the recording rules (\`${RECORDING_RULES.requestRate}\`, …) rename
nothing: they read each path's metric names, and name the route-less requests of the OpenTelemetry path
\`${UNMATCHED_ROUTE}\`, as prom-client does.
`.trim();

/** Per-second rate of one raw series of prom-client's, on the selected routes. */
const promClientRouteRate = (series: string) =>
  rate(selector(series, jobOf('promClient'), matches(PROM_ROUTE, VARIABLES.route)), RATE_WINDOW);

/** Per-second rate of the OpenTelemetry HTTP histogram on the selected routes: `_count`, `_bucket`, or native. */
const otelRouteRate = (series: '_count' | '_bucket' | '') =>
  otelSeries(OTEL_DURATION, series, [matches(OTEL_ROUTE, VARIABLES.route)], (raw) => rate(raw, RATE_WINDOW));

function httpRows() {
  const requests = {
    promClient: promClientRouteRate(PROM_CLIENT_HTTP_METRICS.requests.name),
    otel: classicOrNativeCount(otelRouteRate),
  };
  const buckets = { promClient: promClientRouteRate(`${PROM_CLIENT_HTTP_METRICS.duration.name}_bucket`) };
  return [
    ...sideBySide({
      title: 'HTTP requests per second',
      unit: 'reqps',
      promClient: {
        description: `Rate of the counter \`${PROM_CLIENT_HTTP_METRICS.requests.name}\`, by \`${PROM_ROUTE}\` and \`${PROM_STATUS}\`.`,
        queries: [
          {
            expr: aggregate('sum', [PROM_ROUTE, PROM_STATUS], requests.promClient),
            legend: legendOf(PROM_ROUTE, PROM_STATUS),
          },
        ],
      },
      otel: {
        description: `Rate of \`${OTEL_HTTP_METRICS.duration.name}_count\` (the histogram's count; pushed as OTLP, the native histogram's \`histogram_count\`), by \`${OTEL_ROUTE}\` and \`${OTEL_STATUS}\`.`,
        queries: [
          {
            expr: aggregate('sum', [OTEL_ROUTE, OTEL_STATUS], requests.otel),
            legend: legendOf(OTEL_ROUTE, OTEL_STATUS),
          },
        ],
      },
    }),
    ...sideBySide({
      title: `HTTP latency p${COMPARED_QUANTILE * 100} per route`,
      unit: 's',
      promClient: {
        description: `histogram_quantile over \`${PROM_CLIENT_HTTP_METRICS.duration.name}_bucket\` by \`${PROM_ROUTE}\`.`,
        queries: [
          {
            expr: histogramQuantile(COMPARED_QUANTILE, aggregate('sum', [PROM_ROUTE, L.le], buckets.promClient)),
            legend: legendOf(PROM_ROUTE),
          },
        ],
      },
      otel: {
        description:
          `histogram_quantile over \`${OTEL_HTTP_METRICS.duration.name}_bucket\` by \`${OTEL_ROUTE}\`: same buckets (a view ` +
          'sets them from the catalogue); pushed as OTLP, over the native histogram (exponential buckets, finer).',
        queries: [
          {
            expr: classicOrNativeQuantile(COMPARED_QUANTILE, [OTEL_ROUTE], otelRouteRate),
            legend: legendOf(OTEL_ROUTE),
          },
        ],
      },
    }),
  ];
}

function businessRows() {
  const byTask = matches(L.task, VARIABLES.task);
  /** A path's series per second: the prom-client app's, or the OpenTelemetry app's scraped or pushed. */
  const perSecond = (path: MetricPath, metric: keyof typeof OTEL_TASKS_METRICS, series: '' | '_bucket') =>
    path === 'otel'
      ? otelSeries(OTEL_TASKS_METRICS[metric], series, [byTask], (raw) => rate(raw, RATE_WINDOW))
      : rate(selector(`${TASKS_METRICS[metric].name}${series}`, jobOf(path), byTask), RATE_WINDOW);
  const outcomes = (path: MetricPath) => ({
    description: `Rate of \`${TASKS_METRICS.outcomes.name}\` by \`${L.outcome}\`: same name and labels on both paths.`,
    queries: [
      {
        expr: aggregate('sum', [L.outcome], perSecond(path, 'outcomes', '')),
        legend: legendOf(L.outcome),
      },
    ],
  });
  /** prom-client's classic buckets; OpenTelemetry's, or its native histogram where it is pushed as OTLP. */
  const workQuantile = (path: MetricPath) =>
    path === 'otel'
      ? classicOrNativeQuantile(COMPARED_QUANTILE, [L.task], (series) => perSecond(path, 'workDuration', series))
      : histogramQuantile(
          COMPARED_QUANTILE,
          aggregate('sum', [L.task, L.le], perSecond(path, 'workDuration', '_bucket')),
        );
  const summary = TASKS_METRICS.workDurationSummary;
  return [
    ...sideBySide({
      title: 'tasks answered per second',
      unit: 'ops',
      promClient: outcomes('promClient'),
      otel: outcomes('otel'),
    }),
    ...sideBySide({
      title: `task work duration p${COMPARED_QUANTILE * 100}`,
      unit: 's',
      promClient: {
        description:
          `The summary \`${summary.name}\` (quantile computed in the process) beside histogram_quantile over ` +
          `\`${TASKS_METRICS.workDuration.name}_bucket\`.`,
        queries: [
          {
            // One summary per worker (label `worker`): quantiles do not merge, the worst worker's is shown.
            expr: aggregate(
              'max',
              [L.task],
              selector(
                summary.name,
                jobOf('promClient'),
                matches(L.task, VARIABLES.task),
                eq(L.quantile, String(COMPARED_QUANTILE)),
              ),
            ),
            legend: `summary ${legendOf(L.task)}`,
          },
          { expr: workQuantile('promClient'), legend: `histogram_quantile ${legendOf(L.task)}` },
        ],
      },
      otel: {
        description:
          `histogram_quantile over \`${OTEL_TASKS_METRICS.workDuration.name}_bucket\` (the unit in the instrument's unit, not ` +
          'in its name; pushed as OTLP, over the native histogram): OpenTelemetry has no summary instrument.',
        queries: [{ expr: workQuantile('otel'), legend: `histogram_quantile ${legendOf(L.task)}` }],
      },
    }),
  ];
}

function runtimeRows() {
  const promClient = jobOf('promClient');
  /** The OpenTelemetry app's runtime series, scraped or pushed. */
  const otel = (metric: { readonly name: string }) => otelSeries(metric, '', []);
  return [
    ...sideBySide({
      title: 'event-loop delay p50 / p99',
      unit: 's',
      promClient: {
        description: `\`${PROM_CLIENT_RUNTIME_METRICS.eventLoopDelayP50.name}\` and \`${PROM_CLIENT_RUNTIME_METRICS.eventLoopDelayP99.name}\` (gauges, seconds).`,
        queries: [
          { expr: selector(PROM_CLIENT_RUNTIME_METRICS.eventLoopDelayP50.name, promClient), legend: 'p50' },
          { expr: selector(PROM_CLIENT_RUNTIME_METRICS.eventLoopDelayP99.name, promClient), legend: 'p99' },
        ],
      },
      otel: {
        description: `\`${OTEL_RUNTIME_METRICS.eventLoopDelayP50.name}\` and \`${OTEL_RUNTIME_METRICS.eventLoopDelayP99.name}\` (gauges, seconds, no unit suffix; one series per worker, the worst shown).`,
        queries: [
          {
            expr: aggregate('max', [L.instrumentation], otel(OTEL_RUNTIME_METRICS.eventLoopDelayP50)),
            legend: 'p50',
          },
          {
            expr: aggregate('max', [L.instrumentation], otel(OTEL_RUNTIME_METRICS.eventLoopDelayP99)),
            legend: 'p99',
          },
        ],
      },
    }),
    ...sideBySide({
      title: 'V8 heap used',
      unit: 'bytes',
      promClient: {
        description: `\`${PROM_CLIENT_RUNTIME_METRICS.heapUsed.name}\`: the whole heap, one series.`,
        queries: [{ expr: selector(PROM_CLIENT_RUNTIME_METRICS.heapUsed.name, promClient), legend: 'heap used' }],
      },
      otel: {
        description: `\`${OTEL_RUNTIME_METRICS.heapUsed.name}\`: one series per V8 heap space (\`${OTEL_HEAP_SPACE}\`): their sum is the left panel's value.`,
        queries: [
          {
            expr: aggregate('sum', [OTEL_HEAP_SPACE], otel(OTEL_RUNTIME_METRICS.heapUsed)),
            legend: legendOf(OTEL_HEAP_SPACE),
          },
        ],
      },
    }),
    ...sideBySide({
      title: 'garbage collections per second',
      unit: 'ops',
      promClient: {
        description: `Rate of \`${PROM_CLIENT_RUNTIME_METRICS.gcDuration.name}_count\` by \`${PROM_GC_KIND}\`.`,
        queries: [
          {
            expr: aggregate(
              'sum',
              [PROM_GC_KIND],
              rate(selector(`${PROM_CLIENT_RUNTIME_METRICS.gcDuration.name}_count`, promClient), RATE_WINDOW),
            ),
            legend: legendOf(PROM_GC_KIND),
          },
        ],
      },
      otel: {
        description: `Rate of \`${OTEL_RUNTIME_METRICS.gcDuration.name}_count\` by \`${OTEL_GC_KIND}\`.`,
        queries: [
          {
            expr: aggregate(
              'sum',
              [OTEL_GC_KIND],
              otelSeries(OTEL_RUNTIME_METRICS.gcDuration, '_count', [], (raw) => rate(raw, RATE_WINDOW)),
            ),
            legend: legendOf(OTEL_GC_KIND),
          },
        ],
      },
    }),
    ...sideBySide({
      title: 'CPU and event-loop utilisation',
      unit: 'percentunit',
      promClient: {
        description: `CPU seconds per second, rate of \`${PROM_CLIENT_RUNTIME_METRICS.cpuTime.name}\`. prom-client's event-loop utilisation is a summary of 60 s windows (nodejs_eventloop_utilization_summary), not drawn here.`,
        queries: [
          { expr: rate(selector(PROM_CLIENT_RUNTIME_METRICS.cpuTime.name, promClient), RATE_WINDOW), legend: 'CPU' },
        ],
      },
      otel: {
        description:
          `\`${OTEL_RUNTIME_METRICS.eventLoopUtilization.name}\`: share of time the event loop was busy. The runtime ` +
          'instrumentation has no CPU metric (host-metrics has, and is not loaded).',
        queries: [
          {
            expr: aggregate('max', [L.instrumentation], otel(OTEL_RUNTIME_METRICS.eventLoopUtilization)),
            legend: 'event-loop utilisation',
          },
        ],
      },
    }),
  ];
}

function unifiedPanels() {
  const byInstrumentation = [L.instrumentation];
  return [
    timeSeriesPanel({
      title: 'Requests per second, unified by the recording rule',
      description: `\`${RECORDING_RULES.requestRate}\` summed per path: both raw schemas above, one series each.`,
      unit: 'reqps',
      min: 0,
      ...HALF_WIDTH,
      queries: [
        {
          expr: aggregate(
            'sum',
            byInstrumentation,
            selector(RECORDING_RULES.requestRate, matches(L.route, VARIABLES.route)),
          ),
          legend: legendOf(L.instrumentation),
        },
      ],
    }),
    timeSeriesPanel({
      title: `Latency p${COMPARED_QUANTILE * 100}, unified by the recording rule`,
      description: `\`${RECORDING_RULES.durationQuantiles}\` per path and route.`,
      ...SECONDS_FROM_ZERO,
      ...HALF_WIDTH,
      queries: [
        {
          expr: aggregate(
            'max',
            [L.instrumentation, L.route],
            selector(
              RECORDING_RULES.durationQuantiles,
              matches(L.route, VARIABLES.route),
              eq(L.quantile, String(COMPARED_QUANTILE)),
            ),
          ),
          legend: legendOf(L.instrumentation, L.route),
        },
      ],
    }),
  ];
}

export function buildMetricPathsDashboard(): Dashboard {
  const dashboard = generatedDashboard(
    METRIC_PATHS_UID,
    'OpenTelemetry vs prom-client',
    'The same tasks from both metric paths side by side, on their raw series: how names, labels and values map.',
  )
    .withVariable(routeVariable({ byInstrumentation: false }))
    .withVariable(taskVariable())
    .withPanel(
      markdownPanel({ title: 'How the two paths name the same tasks', content: MAPPING, width: 24, height: 9 }),
    );
  const rows: [string, ReturnType<typeof timeSeriesPanel>[]][] = [
    ['HTTP server', httpRows()],
    ['Business metrics: same names on both paths', businessRows()],
    ['Node.js runtime', runtimeRows()],
    ['Unified by the recording rules', unifiedPanels()],
  ];
  for (const [title, panels] of rows) {
    dashboard.withRow(new RowBuilder(title));
    panels.forEach((panel) => dashboard.withPanel(panel));
  }
  return dashboard.build();
}
