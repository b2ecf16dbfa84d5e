import { basename } from 'node:path';
import { PAGE_ASSET_PATHS } from './page-assets.js';
import { escapeHtml } from '@app/html';

export interface PageOptions {
  readonly title: string;
  readonly dashboardFile: string;
  readonly prometheusUrl: string;
}

/**
 * The page's HTML: a shell that the script fills from `/api/dashboard`. No inline script or style (the
 * policy refuses both); the `data-*` attributes are the page's contract with the browser test.
 */
export function renderPage(options: PageOptions): string {
  const title = escapeHtml(options.title);
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title} · local dashboard</title>
<link rel="stylesheet" href="${PAGE_ASSET_PATHS.uplotCss}">
<link rel="stylesheet" href="${PAGE_ASSET_PATHS.pageCss}">
<script src="${PAGE_ASSET_PATHS.uplotJs}" defer></script>
<script type="module" src="${PAGE_ASSET_PATHS.pageScript}"></script>
</head>
<body>
<header class="top">
  <h1 data-field="title">${title}</h1>
  <form class="controls" id="controls" aria-label="Time range and variables"></form>
  <span class="status" id="status" role="status" data-refreshes="0">Loading…</span>
</header>
<main id="dashboard" data-state="loading">
  <noscript><p class="panel-message">This page draws its charts with JavaScript.</p></noscript>
</main>
<footer class="muted">
  Panels of <code>${escapeHtml(basename(options.dashboardFile))}</code>, the Grafana dashboard, queried from
  Prometheus at <code>${escapeHtml(options.prometheusUrl)}</code> through <code>/prometheus/api/v1</code> ·
  <a href="/api/dashboard">/api/dashboard</a> · <a href="/health">/health</a>
</footer>
</body>
</html>
`;
}
