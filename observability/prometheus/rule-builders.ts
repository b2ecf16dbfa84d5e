import type { AlertingRule, RecordingRule, RuleGroup } from './rule-files.js';
import { runbookUrl } from './runbook-url.js';

/** Why a rule, a group or a file is there: written as a YAML comment above it in the generated file. */
export interface Commented {
  readonly comment?: string;
}

export type RecordingRuleSource = RecordingRule & Commented;
export type AlertingRuleSource = AlertingRule & Commented;
export type RuleGroupSource = Omit<RuleGroup, 'rules'> &
  Commented & { readonly rules: ReadonlyArray<RecordingRuleSource | AlertingRuleSource> };

/** A rule file as authored in TypeScript; `name` is its file name under rules/. */
export interface RuleFileSource extends Commented {
  readonly name: `${string}.rules.yml` | `${string}.alerts.yml`;
  readonly groups: readonly RuleGroupSource[];
}

export type Severity = 'critical' | 'warning' | 'none';

export interface AlertDefinition extends Commented {
  readonly alert: string;
  readonly expr: string;
  readonly for: string;
  readonly severity: Severity;
  readonly summary: string;
  readonly description: string;
  readonly labels?: Readonly<Record<string, string>>;
}

/**
 * An alerting rule with the annotations every alert here carries: a summary, a description, and the runbook
 * link, which comes from the one pattern (runbook-url.ts) and is never written by hand.
 */
export function alertingRule(definition: AlertDefinition): AlertingRuleSource {
  const { alert, expr, severity, summary, description, comment, labels } = definition;
  return {
    ...(comment === undefined ? {} : { comment }),
    alert,
    expr: asBlock(expr),
    for: definition.for,
    labels: { severity, ...labels },
    annotations: { summary, description, runbook_url: runbookUrl(alert) },
  };
}

export function recordingRule(definition: RecordingRuleSource): RecordingRuleSource {
  return { ...definition, expr: asBlock(definition.expr) };
}

/** Multi-line expressions end with a newline, so that YAML writes them as a `|` block, as one would by hand. */
function asBlock(expr: string): string {
  const trimmed = expr.trim();
  return trimmed.includes('\n') ? `${trimmed}\n` : trimmed;
}
