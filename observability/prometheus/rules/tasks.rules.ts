import { RECORDING_RULES, TASKS_METRICS } from '@app/metrics';
import { pushedAsScraped, sumBy } from '../promql-builders.js';
import { recordingRule, type RuleFileSource } from '../rule-builders.js';
import { SELECTORS, serviceLabels } from '../selectors.js';

const OUTCOMES = TASKS_METRICS.outcomes;

export const TASKS_RECORDING_RULES: RuleFileSource = {
  name: 'tasks.rules.yml',
  comment: [
    `The demo business, tasks answered by the routes. Both paths export the same names and labels`,
    `(${OUTCOMES.name}{${OUTCOMES.labelNames.join(', ')}}), so one selector covers both scraped apps; pushed as OTLP,`,
    'the OpenTelemetry series keep the name but come under the job service.name gives (see http.rules.yml).',
    'Names: libs/metrics/src/recording-rules.ts.',
  ].join('\n'),
  groups: [
    {
      name: 'tasks.rules',
      rules: [
        recordingRule({
          record: RECORDING_RULES.taskOutcomeRate,
          expr: [
            sumBy(serviceLabels(...OUTCOMES.labelNames), `rate(${OUTCOMES.name}{${SELECTORS.scrapedApps}}[5m])`),
            'or',
            '# OpenTelemetry path pushed as OTLP: same name, the job named after service.name',
            pushedAsScraped(OUTCOMES.labelNames, `rate(${OUTCOMES.name}{${SELECTORS.otelPushed}}[5m])`),
          ].join('\n'),
        }),
      ],
    },
  ],
};
