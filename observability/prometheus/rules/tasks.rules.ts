import { RECORDING_RULES, TASKS_METRICS } from '@app/metrics';
import { sumBy } from '../../promql.js';
import { recordingRule, type RuleFileSource } from '../rule-builders.js';
import { SELECTORS, serviceLabels } from '../selectors.js';

const OUTCOMES = TASKS_METRICS.outcomes;

export const TASKS_RECORDING_RULES: RuleFileSource = {
  name: 'tasks.rules.yml',
  comment: [
    `The demo business, tasks answered by the routes. Both paths export the same names and labels`,
    `(${OUTCOMES.name}{${OUTCOMES.labelNames.join(', ')}}), whichever way they reach Prometheus: one selector covers both.`,
    'Names: libs/metrics/src/recording-rules.ts.',
  ].join('\n'),
  groups: [
    {
      name: 'tasks.rules',
      rules: [
        recordingRule({
          record: RECORDING_RULES.taskOutcomeRate,
          expr: sumBy(serviceLabels(...OUTCOMES.labelNames), `rate(${OUTCOMES.name}{${SELECTORS.apps}}[5m])`),
        }),
      ],
    },
  ],
};
