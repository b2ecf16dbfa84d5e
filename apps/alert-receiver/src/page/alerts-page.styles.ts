/** Inline styles of the page: no external asset, so it renders the same offline and under a strict CSP. */
export const ALERTS_PAGE_STYLES = `
:root { color-scheme: light; --critical: #c62828; --warning: #ef6c00; --info: #1565c0; --other: #616161; }
* { box-sizing: border-box; }
body { margin: 0; font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1f2328; background: #f6f8fa; }
main { max-width: 980px; margin: 0 auto; padding: 24px 20px 48px; }
header { display: flex; align-items: baseline; justify-content: space-between; gap: 16px; flex-wrap: wrap; }
h1 { font-size: 24px; margin: 0; }
h2 { font-size: 18px; margin: 28px 0 12px; }
.meta, .muted { color: #59636e; font-size: 13px; }
.summary-counts { display: flex; gap: 10px; margin-top: 12px; }
.count { padding: 4px 10px; border-radius: 999px; font-weight: 600; font-size: 13px; background: #fff; border: 1px solid #d1d9e0; }
.count.firing { color: #fff; background: var(--critical); border-color: var(--critical); }
.count.firing.none { color: #1a7f37; background: #dafbe1; border-color: #aceebb; }
.alert { background: #fff; border: 1px solid #d1d9e0; border-left: 6px solid var(--other); border-radius: 8px; padding: 14px 16px; margin-bottom: 12px; }
.alert.severity-critical { border-left-color: var(--critical); }
.alert.severity-warning { border-left-color: var(--warning); }
.alert.severity-info { border-left-color: var(--info); }
.alert-head { display: flex; align-items: center; gap: 10px; flex-wrap: wrap; }
.alert-name { font-size: 17px; font-weight: 650; margin: 0; }
.badge { font-size: 12px; font-weight: 700; text-transform: uppercase; letter-spacing: .03em; color: #fff; background: var(--other); padding: 2px 8px; border-radius: 4px; }
.badge.severity-critical { background: var(--critical); }
.badge.severity-warning { background: var(--warning); }
.badge.severity-info { background: var(--info); }
.since { margin-left: auto; color: #59636e; font-size: 13px; }
.alert-summary { margin: 8px 0 4px; font-weight: 500; }
.alert-description { margin: 0 0 8px; color: #3d444d; white-space: pre-wrap; }
.labels { display: flex; flex-wrap: wrap; gap: 6px; margin: 8px 0 0; padding: 0; list-style: none; }
.labels li { font: 12px/1.6 ui-monospace, SFMono-Regular, Menlo, monospace; background: #eef1f4; border-radius: 4px; padding: 0 6px; }
.empty { background: #fff; border: 1px dashed #d1d9e0; border-radius: 8px; padding: 16px; color: #59636e; }
table { width: 100%; border-collapse: collapse; background: #fff; border: 1px solid #d1d9e0; border-radius: 8px; overflow: hidden; }
th, td { text-align: left; padding: 8px 10px; border-bottom: 1px solid #eef1f4; vertical-align: top; font-size: 14px; }
th { background: #f0f3f6; font-size: 12px; text-transform: uppercase; letter-spacing: .03em; color: #59636e; }
tr.resolved td:first-child { font-weight: 600; }
.status-firing { color: var(--critical); font-weight: 600; }
.status-resolved { color: #1a7f37; font-weight: 600; }
a { color: #0969da; }
footer { margin-top: 32px; }
`;
