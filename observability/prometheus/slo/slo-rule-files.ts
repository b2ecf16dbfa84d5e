import { AVAILABILITY_SLO } from '@app/metrics';
import type { RuleFileSource } from '../rule-builders.js';
import type { RuleTestFileSource } from '../rule-test-builders.js';
import { sloAlertTests } from './slo-alert-tests.js';
import { percent, sloAlertingRules } from './slo-alerting-rules.js';
import { sloRecordingRules } from './slo-recording-rules.js';

/**
 * The SLO's rule files and their promtool test: the availability objective is set in one place (AVAILABILITY_SLO in
 * libs/metrics) and the window names in one place (RECORDING_RULES), so thresholds are computed, never typed.
 */
const aboutTheSlo = (what: string): string =>
  `${what} of the ${percent(AVAILABILITY_SLO)} availability SLO (AVAILABILITY_SLO in libs/metrics/src/recording-rules.ts).`;

export function sloRuleFiles(): RuleFileSource[] {
  return [
    {
      name: 'slo.rules.yml',
      comment: aboutTheSlo('Request rates and 5xx ratios over the burn-rate windows'),
      groups: sloRecordingRules(),
    },
    {
      name: 'slo.alerts.yml',
      comment: aboutTheSlo('Multi-window, multi-burn-rate alerts'),
      groups: sloAlertingRules(),
    },
  ];
}

export function sloRuleTestFiles(): RuleTestFileSource[] {
  return [
    {
      name: 'slo.alerts.test.yml',
      comment: aboutTheSlo('promtool unit tests of the burn-rate alerts, ratios picked from the thresholds,'),
      content: sloAlertTests(),
    },
  ];
}
