/** Inline styles of the runbooks page: no external asset, as for the alerts page, under the same strict CSP. */
export const RUNBOOKS_PAGE_STYLES = `
:root { color-scheme: light; }
body { margin: 0; font: 15px/1.55 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1f2328; background: #f6f8fa; }
main { max-width: 980px; margin: 0 auto; padding: 24px 20px 48px; }
h1 { font-size: 26px; }
h2 { font-size: 20px; margin-top: 36px; padding-top: 12px; border-top: 1px solid #d1d9e0; }
h2:target { background: #fff8c5; }
code { font: 13px/1.5 ui-monospace, SFMono-Regular, Menlo, monospace; background: #eef1f4; border-radius: 4px; padding: 0 4px; }
pre { background: #fff; border: 1px solid #d1d9e0; border-radius: 6px; padding: 10px 12px; overflow-x: auto; }
pre code { background: none; padding: 0; }
table { border-collapse: collapse; }
th, td { border: 1px solid #d1d9e0; padding: 4px 8px; text-align: left; }
.muted { color: #59636e; font-size: 13px; margin-top: 32px; }
`;
