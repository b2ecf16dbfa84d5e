/**
 * The ONE pattern of every alert's `runbook_url`: the section of docs/runbooks.md titled with the alert name
 * (`## TargetDown` is anchor `#targetdown`). `alertingRule()` (rule-builders.ts) adds it to every alert, and
 * observability/test/alert-rules.spec.ts fails on a generated URL that does not follow it or whose section is missing.
 */
export const RUNBOOKS_DOCUMENT_URL =
  'https://github.com/nest-prometheus-monitoring/nest-prometheus-monitoring/blob/main/docs/runbooks.md';

/** The anchor GitHub gives a `## <alertname>` heading. */
export function runbookAnchor(alertname: string): string {
  return alertname.toLowerCase();
}

export function runbookUrl(alertname: string): string {
  return `${RUNBOOKS_DOCUMENT_URL}#${runbookAnchor(alertname)}`;
}
