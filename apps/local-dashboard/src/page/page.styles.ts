/** Grafana's grid is 24 columns wide: a panel spans its gridPos.w of them (`.w-12` is half the page). */
const WIDTH_CLASSES = Array.from(
  { length: 24 },
  (_unused, index) => `.w-${index + 1} { grid-column: span ${index + 1}; }`,
).join('\n');

/**
 * The page's stylesheet, served as /assets/dashboard.css (the policy refuses inline styles). Dark, like
 * Grafana's default theme, so that a student recognises the panels.
 */
export const DASHBOARD_PAGE_STYLES = `
:root { color-scheme: dark; --bg: #111217; --panel: #181b1f; --border: #2c3235; --text: #ccccdc; --muted: #8e8e9e; --accent: #6e9fff; }
* { box-sizing: border-box; }
body { margin: 0; font: 14px/1.4 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--text); background: var(--bg); }
header.top { display: flex; align-items: center; gap: 16px; flex-wrap: wrap; padding: 12px 16px; border-bottom: 1px solid var(--border); }
header.top h1 { font-size: 18px; font-weight: 600; margin: 0; }
.controls { display: flex; gap: 12px; flex-wrap: wrap; align-items: center; }
.controls label { display: flex; gap: 6px; align-items: center; color: var(--muted); font-size: 13px; }
.controls select { background: var(--panel); color: var(--text); border: 1px solid var(--border); border-radius: 4px; padding: 3px 6px; font: inherit; }
.status { margin-left: auto; color: var(--muted); font-size: 12px; }
.status.failing { color: #f2495c; }
main { padding: 8px 16px 24px; }
h2.row-title { font-size: 15px; font-weight: 600; margin: 18px 0 8px; color: var(--text); }
.grid { display: grid; grid-template-columns: repeat(24, minmax(0, 1fr)); gap: 8px; }
${WIDTH_CLASSES}
@media (max-width: 900px) { .grid > .panel { grid-column: 1 / -1; } }
.panel { background: var(--panel); border: 1px solid var(--border); border-radius: 4px; padding: 8px 10px; display: flex; flex-direction: column; min-width: 0; }
.panel header { display: flex; gap: 6px; align-items: baseline; margin-bottom: 6px; }
.panel h3 { font-size: 13px; font-weight: 600; margin: 0; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
.panel .panel-info { color: var(--muted); cursor: help; font-size: 12px; }
.panel-body { flex: 1; min-height: 0; position: relative; }
.panel-message { color: var(--muted); margin: auto 0; text-align: center; padding: 18px 0; }
.panel[data-state="error"] .panel-message { color: #f2495c; }
.panel[data-state="empty"] .panel-message { font-size: 15px; }
.stat-values { display: flex; flex-wrap: wrap; gap: 8px 24px; align-items: baseline; justify-content: center; padding: 8px 0; }
.stat-value { display: flex; flex-direction: column; align-items: center; }
.stat-value .value { font-size: 30px; font-weight: 600; color: var(--text); }
.stat-value .legend { color: var(--muted); font-size: 12px; }
table.panel-table { width: 100%; border-collapse: collapse; font-size: 12px; }
.panel-table th, .panel-table td { text-align: left; padding: 4px 6px; border-bottom: 1px solid var(--border); white-space: nowrap; }
.panel-table th { color: var(--muted); font-weight: 600; }
.table-scroll { overflow: auto; max-height: 100%; }
.bars { display: grid; grid-template-columns: minmax(0, max-content) 1fr max-content; gap: 4px 10px; align-items: center; font-size: 12px; }
.bars .legend { white-space: nowrap; overflow: hidden; text-overflow: ellipsis; color: var(--muted); }
.bars meter { width: 100%; height: 14px; }
.truncated { color: var(--muted); font-size: 12px; margin: 4px 0 0; }
.not-drawn { color: var(--muted); font-size: 12px; margin-top: 18px; }
.uplot { font-family: inherit; }
.uplot .u-legend { font-size: 12px; color: var(--text); text-align: left; }
.uplot .u-legend .u-series th { font-weight: 400; }
/* The x series' row, the time under the cursor: the axis below already says it. */
.uplot .u-legend .u-series:first-child { display: none; }
.uplot .u-legend .u-series > * { padding: 1px 6px; }
footer { padding: 12px 16px 24px; }
.muted { color: var(--muted); font-size: 12px; }
a { color: var(--accent); }
code { font-family: ui-monospace, SFMono-Regular, Menlo, monospace; font-size: 12px; }
`;
