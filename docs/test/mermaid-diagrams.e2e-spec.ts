import { join } from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import { CHROMIUM_ARGS, describeWithBinaries, REPO_ROOT } from '@app/testing';
import { markdownDocumentPaths, readMarkdownDocument } from './markdown-documents.js';

/**
 * Every ```mermaid diagram of the docs is parsed by mermaid itself (the library GitHub renders them with), in
 * headless Chromium: a diagram with a syntax error would show on GitHub as an error box in place of the picture.
 */
const MERMAID_BUNDLE = join(REPO_ROOT, 'node_modules/mermaid/dist/mermaid.min.js');

const diagrams = markdownDocumentPaths()
  .map(readMarkdownDocument)
  .flatMap((document) =>
    document.codeBlocks
      .filter((block) => block.lang === 'mermaid')
      .map((block, index) => [`${document.path} #${String(index + 1)}`, block.text] as const),
  );

describeWithBinaries(['chromium'], 'the docs’ mermaid diagrams', (paths) => {
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    browser = await chromium.launch({ executablePath: paths.chromium, args: [...CHROMIUM_ARGS] });
    page = await browser.newPage();
    await page.setContent('<!doctype html><html><body></body></html>');
    await page.addScriptTag({ path: MERMAID_BUNDLE });
  });
  afterAll(() => browser.close());

  /** mermaid's own parse: undefined when the diagram is valid, else its error message. */
  const parseError = (source: string) =>
    page.evaluate(async (text) => {
      const { mermaid } = globalThis as unknown as { mermaid: { parse: (text: string) => Promise<unknown> } };
      try {
        await mermaid.parse(text);
        return undefined;
      } catch (error) {
        return (error as Error).message;
      }
    }, source);

  it('there are diagrams: the README and the architecture page draw every path', () => {
    expect(diagrams.filter(([name]) => name.startsWith('docs/architecture.md')).length).toBeGreaterThanOrEqual(7);
  });

  it('tells a broken diagram (the check can fail)', async () => {
    expect(await parseError('flowchart LR\n  a --> [b')).toMatch(/Parse error/);
  });

  it.each(diagrams)('%s parses', async (_name, source) => {
    expect(await parseError(source)).toBeUndefined();
  });
});
