import { RECORDING_RULES, TASKS_METRICS, type TaskOutcome } from '@app/metrics';
import { alertingRule, type RuleFileSource } from '../rule-builders.js';
import { serviceLabels } from '../selectors.js';

const [TASK, OUTCOME] = TASKS_METRICS.outcomes.labelNames;
/** The course's /error route fails by design: its task is left out. */
const FAILS_BY_DESIGN = 'error';
const RATE = RECORDING_RULES.taskOutcomeRate;
const SERVER_ERROR: TaskOutcome = 'server_error';

export const TASKS_ALERTS: RuleFileSource = {
  name: 'tasks.alerts.yml',
  comment: [
    'The demo business, on its own metric: tasks answered with a server error. Per task, so the alert names the',
    `failing one. The \`${FAILS_BY_DESIGN}\` task fails by design (the course's /error route) and is left out; the others`,
    "fail only as /sample-signals' weights say (10% by default, TASKS_WEIGHTS).",
  ].join('\n'),
  groups: [
    {
      name: 'tasks.alerts',
      rules: [
        alertingRule({
          alert: 'TasksServerErrorRatioHigh',
          expr: [
            `sum by (${serviceLabels(TASK)}) (`,
            `  ${RATE}{${TASK}!="${FAILS_BY_DESIGN}", ${OUTCOME}="${SERVER_ERROR}"}`,
            ')',
            '# only tasks answered at least 0.1 times/s: guards the division and low traffic at once',
            `/ (sum by (${serviceLabels(TASK)}) (${RATE}{${TASK}!="${FAILS_BY_DESIGN}"}) > 0.1)`,
            '> 0.2',
          ].join('\n'),
          for: '5m',
          severity: 'warning',
          summary: `Task {{ $labels.${TASK} }} of {{ $labels.service }} fails more than 20% of the time`,
          description:
            `{{ $value | humanizePercentage }} of the "{{ $labels.${TASK} }}" tasks answered by {{ $labels.service }} ` +
            '({{ $labels.instrumentation }} path) over the last 5 minutes ended in a server error (warning above 20%, ' +
            'twice the default share of /sample-signals).',
        }),
      ],
    },
  ],
};
