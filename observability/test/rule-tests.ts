import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse } from 'yaml';
import { RULE_TESTS_DIR } from '../prometheus/prometheus-files.js';

/** The parts of a promtool unit test file the consistency specs read. */
export interface RuleTestFile {
  file: string;
  /** Absolute paths of the rule files it loads. */
  ruleFiles: string[];
  alertTests: Array<{
    alertname: string;
    eval_time: string;
    exp_alerts: Array<{ exp_labels?: Record<string, string> }>;
  }>;
}

export function loadRuleTestFiles(): RuleTestFile[] {
  return readdirSync(RULE_TESTS_DIR)
    .filter((name) => name.endsWith('.test.yml'))
    .sort()
    .map((name) => {
      const file = join(RULE_TESTS_DIR, name);
      const content = parse(readFileSync(file, 'utf8')) as {
        rule_files: string[];
        tests: Array<{ alert_rule_test?: RuleTestFile['alertTests'] }>;
      };
      return {
        file,
        ruleFiles: content.rule_files.map((ruleFile) => resolve(RULE_TESTS_DIR, ruleFile)),
        alertTests: content.tests.flatMap((test) => test.alert_rule_test ?? []),
      };
    });
}
