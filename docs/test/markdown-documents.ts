import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { Marked, type Token, type Tokens } from 'marked';
import { getHeadingList, gfmHeadingId } from 'marked-gfm-heading-id';
import { REPO_ROOT } from '@app/testing';

/**
 * The project's Markdown documents as marked reads them (the parser the alert receiver renders docs/runbooks.md
 * with): their fenced code blocks, their links and their headings' ids as GitHub gives them (github-slugger,
 * through marked-gfm-heading-id). The docs tests stand on this rather than on regexes over the text, so that a
 * link inside a code block is not a link, and a heading's anchor is the one a reader's browser goes to.
 */
export interface MarkdownDocument {
  /** Path from the repository's root, e.g. `docs/cours/README.md`. */
  readonly path: string;
  readonly text: string;
  readonly codeBlocks: ReadonlyArray<{ readonly lang: string; readonly text: string }>;
  /** Inline code spans, `like this`: commands in a sentence. */
  readonly codeSpans: readonly string[];
  /** Targets of links and images, as written (`../README.md#how-to-add`, `https://...`). */
  readonly links: readonly string[];
  readonly headingIds: ReadonlySet<string>;
}

/** README.md and every `.md` under docs/, recursively. */
export function markdownDocumentPaths(): string[] {
  const paths: string[] = ['README.md'];
  const walk = (dir: string) => {
    for (const entry of readdirSync(join(REPO_ROOT, dir), { withFileTypes: true })) {
      const path = `${dir}/${entry.name}`;
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith('.md')) paths.push(path);
    }
  };
  walk('docs');
  return paths;
}

function walkTokens(tokens: readonly Token[], visit: (token: Token) => void): void {
  for (const token of tokens) {
    visit(token);
    const nested = token as {
      tokens?: Token[];
      items?: Token[];
      header?: Tokens.TableCell[];
      rows?: Tokens.TableCell[][];
    };
    if (nested.tokens) walkTokens(nested.tokens, visit);
    if (nested.items) walkTokens(nested.items, visit);
    for (const cell of [...(nested.header ?? []), ...(nested.rows ?? []).flat()]) walkTokens(cell.tokens, visit);
  }
}

export function readMarkdownDocument(path: string): MarkdownDocument {
  const text = readFileSync(join(REPO_ROOT, path), 'utf8');
  const marked = new Marked(gfmHeadingId());
  const codeBlocks: Array<{ lang: string; text: string }> = [];
  const codeSpans: string[] = [];
  const links: string[] = [];
  walkTokens(marked.lexer(text), (token) => {
    if (token.type === 'code') codeBlocks.push({ lang: (token as Tokens.Code).lang ?? '', text: token.text as string });
    if (token.type === 'codespan') codeSpans.push(token.text as string);
    if (token.type === 'link' || token.type === 'image') links.push((token as Tokens.Link).href);
  });
  // The heading ids come from rendering, as on the receiver's page and on GitHub.
  marked.parse(text, { async: false });
  const headingIds = new Set(getHeadingList().map((heading) => heading.id));
  return { path, text, codeBlocks, codeSpans, links, headingIds };
}

/** A link's target file, from the repository's root, and its anchor; undefined for a link off the repository. */
export function linkTarget(document: MarkdownDocument, href: string): { file: string; anchor?: string } | undefined {
  if (/^[a-z][a-z0-9+.-]*:/i.test(href)) return undefined;
  const hash = href.indexOf('#');
  const path = hash < 0 ? href : href.slice(0, hash);
  const file =
    path === '' ? document.path : relative(REPO_ROOT, join(REPO_ROOT, dirname(document.path), decodeURI(path)));
  return { file, anchor: hash < 0 ? undefined : decodeURIComponent(href.slice(hash + 1)) };
}
