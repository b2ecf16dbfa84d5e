import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { RUNBOOKS_PAGE } from '@app/metrics';
import { alertingRules, knownJobNames, PROMQL_FUNCTIONS, promqlNames, STACK_SERIES_NAMES } from '@app/observability';
import { REPO_ROOT } from '@app/testing';
import { parseDemoOptions } from '../../apps/local-stack/src/demo-options.js';
import { parseCliArguments } from '../../apps/traffic/src/cli-arguments.js';
import { linkTarget, markdownDocumentPaths, readMarkdownDocument } from './markdown-documents.js';

/**
 * The docs are run from, by students who start from a fresh clone: every command they show must exist, every link
 * lead somewhere, every query read series that a running stack has. This keeps README.md and docs/ (the course
 * pages of docs/cours/ included) true as the code moves.
 */
const documents = markdownDocumentPaths().map(readMarkdownDocument);
const byPath = new Map(documents.map((document) => [document.path, document]));
const scripts = Object.keys(
  (JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts,
);
const knownJobs = knownJobNames();

/** The queries of a ```promql block: one per line, under `#` comment lines (each query reads whole, as typed). */
function queriesOf(block: string): string[] {
  return block.split('\n').filter((line) => line.trim() !== '' && !line.trim().startsWith('#'));
}

/** The command-line parsers of the scripts the docs give options to: an option the script refuses fails here. */
const OPTION_PARSERS: Readonly<Record<string, (argv: readonly string[]) => unknown>> = {
  demo: parseDemoOptions,
  traffic: parseCliArguments,
};

/** Each `npm run <script> -- ...` of a shell block (comments left out), with its arguments up to the next command. */
function scriptArguments(block: string): Array<{ script: string; args: string[] }> {
  const commands = block
    .split('\n')
    .map((line) => line.replace(/(^|\s)#.*$/, ''))
    .join('\n');
  return [...commands.matchAll(/npm run ([\w:-]+)(?: -- ([^\n&|;]*))?/g)].map(([, script, rest]) => ({
    script,
    args: ((rest as string | undefined) ?? '').trim().split(/\s+/).filter(Boolean),
  }));
}

const usageError = (parse: (argv: readonly string[]) => unknown, args: string[]) => {
  try {
    parse(args);
    return undefined;
  } catch (error) {
    return (error as Error).message;
  }
};

const promqlQueries = documents.flatMap((document) =>
  document.codeBlocks
    .filter((block) => block.lang === 'promql')
    .flatMap((block) => queriesOf(block.text).map((query) => [document.path, query] as const)),
);

describe.each(documents.map((document) => [document.path, document] as const))('%s', (_path, document) => {
  it('runs only npm scripts that exist', () => {
    const used = [...document.text.matchAll(/npm run ([\w:-]+)/g)].map(([, script]) => script);
    expect(used.filter((script) => !scripts.includes(script))).toEqual([]);
  });

  it.each(Object.keys(OPTION_PARSERS))('gives `npm run %s` only options it takes', (script) => {
    const shell = document.codeBlocks.filter((block) => ['sh', 'bash', 'shell', 'console'].includes(block.lang));
    const refused = [...shell.map((block) => block.text), ...document.codeSpans]
      .flatMap((commands) => scriptArguments(commands))
      .filter((command) => command.script === script)
      .map(({ args }) => ({ args: args.join(' '), error: usageError(OPTION_PARSERS[script], args) }))
      .filter(({ error }) => error !== undefined);
    expect(refused).toEqual([]);
  });

  it('links only to files that exist, and to headings that exist', () => {
    const broken = document.links.flatMap((href) => {
      const target = linkTarget(document, href);
      if (!target) return [];
      if (!existsSync(join(REPO_ROOT, target.file))) return [`${href}: no file ${target.file}`];
      if (target.anchor === undefined) return [];
      if (target.file.endsWith('.md')) {
        const headings = byPath.get(target.file)?.headingIds ?? readMarkdownDocument(target.file).headingIds;
        return headings.has(target.anchor) ? [] : [`${href}: no heading #${target.anchor} in ${target.file}`];
      }
      // GitHub's line anchors, on a file
      const lines = statSync(join(REPO_ROOT, target.file)).isFile() && /^L\d+(-L\d+)?$/.test(target.anchor);
      return lines ? [] : [`${href}: #${target.anchor} is no anchor of ${target.file}`];
    });
    expect(broken).toEqual([]);
  });
});

describe('every PromQL query of the docs (```promql blocks)', () => {
  it('there are queries to check: the course pages show theirs', () => {
    expect(promqlQueries.filter(([path]) => path.startsWith('docs/cours/')).length).toBeGreaterThan(20);
  });

  it.each(promqlQueries)('%s: %s', (_path, query) => {
    // Parsed by Prometheus' own grammar: a query that does not parse throws here.
    const names = promqlNames(query);
    expect({ unknownSeries: names.metrics.filter((name) => !STACK_SERIES_NAMES.has(name)) }).toEqual({
      unknownSeries: [],
    });
    expect({ unknownFunctions: names.functions.filter((name) => !PROMQL_FUNCTIONS.has(name)) }).toEqual({
      unknownFunctions: [],
    });
    expect({ unknownJobs: names.jobs.filter((job) => !knownJobs.has(job)) }).toEqual({ unknownJobs: [] });
  });
});

describe('every runbook_url', () => {
  const runbooks = readMarkdownDocument('docs/runbooks.md');

  it.each(alertingRules().map(({ rule }) => [rule.alert, rule.annotations?.runbook_url ?? ''] as const))(
    '%s points at a heading of docs/runbooks.md, on the receiver’s page',
    (_alert, url) => {
      const [page, anchor] = url.split('#');
      expect(page).toBe(RUNBOOKS_PAGE.url);
      expect(runbooks.headingIds.has(anchor)).toBe(true);
    },
  );
});
