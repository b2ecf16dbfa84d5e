import { METRIC_PATHS, TASK_ROUTES, type MetricPath, type TaskName } from '@app/metrics';
import {
  alertTest,
  commented,
  expectedAnnotations,
  GROUP_EVAL_ORDER_NOTE,
  groupEvalOrder,
  ruleFilesOf,
  serviceLabelsOf,
  taskOutcomes,
  type ExpectedAlert,
  type RuleTestFileSource,
} from '../rule-test-builders.js';
import { TASKS_ALERTS } from '../rules/tasks.alerts.js';
import { TASKS_RECORDING_RULES } from '../rules/tasks.rules.js';

const ALERT = 'TasksServerErrorRatioHigh';

function failingTask(path: MetricPath, task: TaskName, ratio: string): ExpectedAlert {
  const { service, instrumentation } = METRIC_PATHS[path];
  return {
    exp_labels: { severity: 'warning', ...serviceLabelsOf(path), task_name: task },
    exp_annotations: expectedAnnotations(
      ALERT,
      `Task ${task} of ${service} fails more than 20% of the time`,
      `${ratio} of the "${task}" tasks answered by ${service} (${instrumentation} path) over the last 5 minutes ended ` +
        `in a server error (warning above 20%, twice the default share of ${TASK_ROUTES.sample.path}).`,
    ),
  };
}

export const TASKS_ALERTS_TEST: RuleTestFileSource = {
  name: 'tasks.alerts.test.yml',
  comment: [
    'The business alert, on the task counter of both paths (through the recording rule).',
    GROUP_EVAL_ORDER_NOTE,
  ].join('\n'),
  content: {
    rule_files: ruleFilesOf(TASKS_RECORDING_RULES, TASKS_ALERTS),
    evaluation_interval: '1m',
    group_eval_order: groupEvalOrder(TASKS_RECORDING_RULES, TASKS_ALERTS),
    tests: [
      {
        name: 'TasksServerErrorRatioHigh fires for a task failing 40% of the time, per task',
        interval: '1m',
        input_series: [
          ...commented(
            'prom-client "sample": 1/s, 40% server errors',
            taskOutcomes('promClient', 'sample', { ok: '0+30x30', not_found: '0+6x30', server_error: '0+24x30' }),
          ),
          ...commented(
            'OpenTelemetry "sample": 1/s, 10% server errors (the default weights): silent',
            taskOutcomes('otel', 'sample', { ok: '0+54x30', server_error: '0+6x30' }),
          ),
          ...commented(
            '"error" fails by design: never alerted on',
            taskOutcomes('otel', 'error', { server_error: '0+60x30' }),
          ),
        ],
        alert_rule_test: [
          alertTest(ALERT, '4m', []),
          alertTest(ALERT, '15m', [failingTask('promClient', 'sample', '40%')]),
        ],
      },
      {
        name: 'TasksServerErrorRatioHigh stays silent on low traffic',
        interval: '1m',
        input_series: commented(
          '3 tasks a minute (0.05/s), all failing',
          taskOutcomes('promClient', 'sample', { server_error: '0+3x30' }),
        ),
        alert_rule_test: [alertTest(ALERT, '20m', [])],
      },
    ],
  },
};
