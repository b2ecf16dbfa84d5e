import { RUNBOOKS_PAGE } from '@app/metrics';

/**
 * The ONE pattern of every alert's `runbook_url`: the section of docs/runbooks.md titled with the alert name
 * (`## TargetDown` is anchor `#targetdown`), on the page the alert receiver serves it as. `alertingRule()`
 * (rule-builders.ts) adds it to every alert; observability/test/alert-rules.spec.ts fails on a generated URL that does
 * not follow it or whose section is missing, and the receiver's e2e test follows every one to its heading.
 */
export const RUNBOOKS_DOCUMENT_URL = RUNBOOKS_PAGE.url;

/** The anchor a `## <alertname>` heading gets, on GitHub as on the receiver's page (github-slugger). */
export function runbookAnchor(alertname: string): string {
  return alertname.toLowerCase();
}

export function runbookUrl(alertname: string): string {
  return `${RUNBOOKS_DOCUMENT_URL}#${runbookAnchor(alertname)}`;
}
