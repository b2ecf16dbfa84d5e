import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { RULES_DIR } from './prometheus-files.js';

export interface RecordingRule {
  record: string;
  expr: string;
  labels?: Record<string, string>;
}

export interface AlertingRule {
  alert: string;
  expr: string;
  for?: string;
  labels?: Partial<Record<string, string>>;
  annotations?: Partial<Record<string, string>>;
}

export interface RuleGroup {
  name: string;
  interval?: string;
  rules: Array<RecordingRule | AlertingRule>;
}

export interface RuleFile {
  /** Absolute path. */
  file: string;
  groups: RuleGroup[];
}

/** Recording rules live in `*.rules.yml`, alerting rules in `*.alerts.yml` (prometheus.yml loads both globs). */
export const RULE_FILE_SUFFIXES = { recording: '.rules.yml', alerting: '.alerts.yml' } as const;

export function ruleFilePaths(): string[] {
  return readdirSync(RULES_DIR)
    .filter((name) => name.endsWith(RULE_FILE_SUFFIXES.recording) || name.endsWith(RULE_FILE_SUFFIXES.alerting))
    .sort()
    .map((name) => join(RULES_DIR, name));
}

export function loadRuleFiles(): RuleFile[] {
  return ruleFilePaths().map((file) => ({
    file,
    groups: (parse(readFileSync(file, 'utf8')) as { groups: RuleGroup[] }).groups,
  }));
}

export function isAlertingRule(rule: RecordingRule | AlertingRule): rule is AlertingRule {
  return 'alert' in rule;
}

/** Every rule with the file it comes from. */
export function allRules(
  files: readonly RuleFile[] = loadRuleFiles(),
): Array<{ file: string; rule: RecordingRule | AlertingRule }> {
  return files.flatMap(({ file, groups }) => groups.flatMap((group) => group.rules.map((rule) => ({ file, rule }))));
}

export function alertingRules(
  files: readonly RuleFile[] = loadRuleFiles(),
): Array<{ file: string; rule: AlertingRule }> {
  return allRules(files).filter((entry): entry is { file: string; rule: AlertingRule } => isAlertingRule(entry.rule));
}

export function recordingRules(
  files: readonly RuleFile[] = loadRuleFiles(),
): Array<{ file: string; rule: RecordingRule }> {
  return allRules(files).filter((entry): entry is { file: string; rule: RecordingRule } => !isAlertingRule(entry.rule));
}
