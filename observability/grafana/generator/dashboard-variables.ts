import {
  CustomVariableBuilder,
  QueryVariableBuilder,
  VariableRefresh,
  VariableSort,
} from '@grafana/grafana-foundation-sdk/dashboard';
import { METRIC_PATHS, RECORDING_RULES, TASK_NAMES } from '@app/metrics';
import { PROMETHEUS_DATASOURCE } from './grafana-datasources.js';
import { matches, selector } from '../../promql.js';
import { RECORDED_LABELS } from './recorded-labels.js';

/**
 * The dashboards' template variables. Every one is multi-valued with an "All" that stands for `.*`, so
 * a query filters with `label=~"$name"` whether one, several or all values are picked.
 */
export const VARIABLES = {
  instrumentation: '$instrumentation',
  route: '$route',
  task: '$task',
} as const;

const ALL = '.*';
const allSelected = { text: 'All', value: '$__all' };

/** Metric path (`otel`, `prom-client`): the `instrumentation` target label of both scrapes, from monitoring-targets.ts. */
export function instrumentationVariable(): CustomVariableBuilder {
  return new CustomVariableBuilder(RECORDED_LABELS.instrumentation)
    .label('Instrumentation')
    .description('Which library produced the series: OpenTelemetry or prom-client (the `instrumentation` label).')
    .values(
      Object.values(METRIC_PATHS)
        .map((target) => target.instrumentation)
        .join(','),
    )
    .multi(true)
    .includeAll(true)
    .allValue(ALL)
    .current(allSelected);
}

/**
 * Route templates seen by the recording rules (on the selected paths, where the dashboard has an `instrumentation`
 * variable). Read from the rules rather than a raw metric: their `http_route` names route-less requests too.
 */
export function routeVariable(filter: { byInstrumentation: boolean }): QueryVariableBuilder {
  const series = filter.byInstrumentation
    ? selector(RECORDING_RULES.requestRate, matches(RECORDED_LABELS.instrumentation, VARIABLES.instrumentation))
    : RECORDING_RULES.requestRate;
  const query = `label_values(${series}, ${RECORDED_LABELS.route})`;
  return new QueryVariableBuilder('route')
    .label('Route')
    .description('Route template (`/one`, `/sample-signals`, …); `unmatched` for paths that matched no route.')
    .datasource(PROMETHEUS_DATASOURCE)
    .query(query)
    .definition(query)
    .refresh(VariableRefresh.OnTimeRangeChanged)
    .sort(VariableSort.AlphabeticalAsc)
    .multi(true)
    .includeAll(true)
    .allValue(ALL)
    .current(allSelected);
}

/** The demo business's tasks (one per sample route), from task-names.ts. */
export function taskVariable(): CustomVariableBuilder {
  return new CustomVariableBuilder('task')
    .label('Task')
    .description('The `task_name` label of the business metrics: one per sample route.')
    .values(TASK_NAMES.join(','))
    .multi(true)
    .includeAll(true)
    .allValue(ALL)
    .current(allSelected);
}
