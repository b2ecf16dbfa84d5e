import { RECORDING_RULES, TASKS_METRICS, type LabelSetOf, type MetricPath } from '@app/metrics';
import {
  commented,
  exprTest,
  formatSeries,
  recordedSample,
  ruleFilesOf,
  taskOutcomes,
  type ExpectedSample,
  type RuleTestFileSource,
} from '../rule-test-builders.js';
import { TASKS_RECORDING_RULES } from '../rules/tasks.rules.js';

const OUTCOMES = TASKS_METRICS.outcomes;
type Outcome = LabelSetOf<typeof OUTCOMES>;

/** Some other team's job in the same Prometheus, deliberately none of ours: the rule must leave its series out. */
const OTHER_JOB = { job: 'something-else', instance: '127.0.0.1:9999' };

const rate = (path: MetricPath, labels: Outcome, value: number): ExpectedSample =>
  recordedSample(RECORDING_RULES.taskOutcomeRate, path, value, labels);

export const TASKS_RULES_TEST: RuleTestFileSource = {
  name: 'tasks.rules.test.yml',
  comment: [
    "The tasks recording rule on both paths' series: same metric name and labels on both",
    `(${OUTCOMES.name}{${OUTCOMES.labelNames.join(', ')}}); the OpenTelemetry exporter adds its otel_scope_* labels.`,
  ].join('\n'),
  content: {
    rule_files: ruleFilesOf(TASKS_RECORDING_RULES),
    evaluation_interval: '1m',
    tests: [
      {
        name: 'tasks answered per second by task and outcome, on both paths',
        interval: '1m',
        input_series: [
          ...taskOutcomes('promClient', 'sample', { ok: '0+48x15', server_error: '0+6x15' }),
          ...taskOutcomes('otel', 'one', { ok: '0+120x15' }),
          ...commented('a series of another job is not the business of these apps', [
            {
              series: formatSeries(OUTCOMES.name, { ...OTHER_JOB, task_name: 'one', task_outcome: 'ok' }),
              values: '0+120x15',
            },
          ]),
        ],
        promql_expr_test: [
          exprTest(RECORDING_RULES.taskOutcomeRate, '10m', [
            rate('promClient', { task_name: 'sample', task_outcome: 'ok' }, 0.8),
            rate('promClient', { task_name: 'sample', task_outcome: 'server_error' }, 0.1),
            rate('otel', { task_name: 'one', task_outcome: 'ok' }, 2),
          ]),
        ],
      },
    ],
  },
};
