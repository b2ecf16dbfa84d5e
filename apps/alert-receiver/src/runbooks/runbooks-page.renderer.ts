import { Marked } from 'marked';
import { gfmHeadingId } from 'marked-gfm-heading-id';
import { RUNBOOKS_PAGE_STYLES } from './runbooks-page.styles.js';

/**
 * docs/runbooks.md as one HTML page, each heading with the id GitHub gives it (github-slugger): `## TargetDown` is
 * `#targetdown`, what every alert's runbook_url ends with. The Markdown is the repository's own, not client input.
 */
export function renderRunbooksPage(markdown: string): string {
  const body = new Marked(gfmHeadingId()).parse(markdown, { async: false });
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Runbooks</title>
<style>${RUNBOOKS_PAGE_STYLES}</style>
</head>
<body>
<main>
${body}
<footer class="muted"><a href="/">Received alerts</a></footer>
</main>
</body>
</html>
`;
}
