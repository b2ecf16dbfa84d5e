import { join } from 'node:path';
import { RULE_TESTS_DIR, RULES_DIR } from './prometheus-files.js';
import type { RuleFileSource } from './rule-builders.js';
import type { RuleTestFileSource } from './rule-test-builders.js';
import { generatedHeader, toCommentedYaml } from './rule-yaml.js';
import { HTTP_ALERTS } from './rules/http.alerts.js';
import { HTTP_RECORDING_RULES } from './rules/http.rules.js';
import { PIPELINE_ALERTS } from './rules/pipeline.alerts.js';
import { TARGETS_ALERTS } from './rules/targets.alerts.js';
import { TASKS_ALERTS } from './rules/tasks.alerts.js';
import { TASKS_RECORDING_RULES } from './rules/tasks.rules.js';
import { sloRuleFiles, sloRuleTestFiles } from './slo/slo-rule-files.js';
import { HTTP_ALERTS_TEST } from './tests/http.alerts.promtool.js';
import { HTTP_RULES_TEST } from './tests/http.rules.promtool.js';
import { PIPELINE_ALERTS_TEST } from './tests/pipeline.alerts.promtool.js';
import { SLO_RULES_TEST } from './tests/slo.rules.promtool.js';
import { TARGETS_ALERTS_TEST } from './tests/targets.alerts.promtool.js';
import { TASKS_ALERTS_TEST } from './tests/tasks.alerts.promtool.js';
import { TASKS_RULES_TEST } from './tests/tasks.rules.promtool.js';

/**
 * Every Prometheus rule file and promtool test, authored in TypeScript and written as YAML under rules/ and tests/
 * (`npm run generate:rules`). The YAML is committed, so that Prometheus, promtool and a reader need no build; the
 * drift test fails while a committed file differs, or while a YAML file there has no source here.
 */
function ruleSources(): Array<{ source: RuleFileSource; from: string }> {
  return [
    ...[HTTP_RECORDING_RULES, HTTP_ALERTS, TASKS_RECORDING_RULES, TASKS_ALERTS, TARGETS_ALERTS, PIPELINE_ALERTS].map(
      (source) => ({ source, from: `observability/prometheus/rules/${source.name.replace(/\.yml$/, '.ts')}` }),
    ),
    ...sloRuleFiles().map((source) => ({ source, from: 'observability/prometheus/slo/' })),
  ];
}

function ruleTestSources(): Array<{ source: RuleTestFileSource; from: string }> {
  return [
    ...[
      HTTP_RULES_TEST,
      HTTP_ALERTS_TEST,
      TASKS_RULES_TEST,
      TASKS_ALERTS_TEST,
      TARGETS_ALERTS_TEST,
      PIPELINE_ALERTS_TEST,
      SLO_RULES_TEST,
    ].map((source) => ({
      source,
      from: `observability/prometheus/tests/${source.name.replace(/\.test\.yml$/, '.promtool.ts')}`,
    })),
    ...sloRuleTestFiles().map((source) => ({ source, from: 'observability/prometheus/slo/slo-alert-tests.ts' })),
  ];
}

const withComment = (from: string, comment: string | undefined): string =>
  [generatedHeader(from), ...(comment === undefined ? [] : ['', ...comment.split('\n').map((line) => ` ${line}`)])]
    .join('\n')
    .replace(/ +$/gm, '');

/** The content of every generated file, by absolute path. */
export function renderRuleFiles(): Record<string, string> {
  const files: Record<string, string> = {};
  for (const { source, from } of ruleSources())
    files[join(RULES_DIR, source.name)] = toCommentedYaml({ groups: source.groups }, withComment(from, source.comment));
  for (const { source, from } of ruleTestSources())
    files[join(RULE_TESTS_DIR, source.name)] = toCommentedYaml(source.content, withComment(from, source.comment));
  return files;
}
