import { join } from 'node:path';
import { Document } from 'yaml';
import { AVAILABILITY_SLO } from '@app/metrics';
import { RULE_TESTS_DIR, RULES_DIR } from '../prometheus-files.js';
import { sloAlertTests } from './slo-alert-tests.js';
import { percent, sloAlertingRules } from './slo-alerting-rules.js';
import { sloRecordingRules } from './slo-recording-rules.js';

/**
 * The SLO rule files and their promtool test are GENERATED, so that the availability objective is set in one
 * place (AVAILABILITY_SLO in libs/metrics) and the window names in one place (RECORDING_RULES): thresholds are
 * computed, never typed. observability/test/slo-rule-files.spec.ts fails while a committed file differs.
 */
export const SLO_RECORDING_RULES_FILE = join(RULES_DIR, 'slo.rules.yml');
export const SLO_ALERTS_FILE = join(RULES_DIR, 'slo.alerts.yml');
export const SLO_ALERTS_TEST_FILE = join(RULE_TESTS_DIR, 'slo.alerts.test.yml');
export const GENERATE_COMMAND = 'npm run generate:slo-rules';

function header(what: string): string {
  return [
    ` GENERATED: ${what} of the ${percent(AVAILABILITY_SLO)} availability SLO`,
    ' (AVAILABILITY_SLO in libs/metrics/src/recording-rules.ts, the one place it is set).',
    ` Do not edit: change observability/prometheus/slo/*.ts or the SLO, then run \`${GENERATE_COMMAND}\`.`,
    ' observability/test/slo-rule-files.spec.ts fails while this file differs from what the generator writes.',
  ].join('\n');
}

/**
 * YAML in the shape the repository's prettier gives it (single quotes, no folding), so that `npm run lint`
 * accepts the generated files as they are.
 */
function toYaml(content: unknown, comment: string): string {
  const document = new Document(content);
  document.commentBefore = comment;
  return document.toString({ lineWidth: 0, singleQuote: true });
}

/** The content of each generated file, by absolute path. */
export function renderSloRuleFiles(): Record<string, string> {
  return {
    [SLO_RECORDING_RULES_FILE]: toYaml(
      sloRecordingRules(),
      header('request rates and 5xx ratios over the burn-rate windows'),
    ),
    [SLO_ALERTS_FILE]: toYaml(sloAlertingRules(), header('multi-window, multi-burn-rate alerts')),
    [SLO_ALERTS_TEST_FILE]: toYaml(
      sloAlertTests(),
      header('promtool unit tests of the burn-rate alerts, ratios picked from the thresholds'),
    ),
  };
}
