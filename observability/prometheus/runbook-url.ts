/**
 * The ONE pattern of every alert's `runbook_url`: the section of docs/runbooks.md titled with the alert name
 * (`## TargetDown` is anchor `#targetdown`). The rule files spell the URLs out, since YAML has no variables;
 * observability/test/alert-rules.spec.ts fails on any URL that does not follow this pattern or whose section
 * is missing. Moving the repository means changing this base and the same base in rules/*.alerts.yml.
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
