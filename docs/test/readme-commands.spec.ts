import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from '@app/testing';

/**
 * The README is the first thing a user runs from: every `npm run <script>` it (or docs/) shows must exist,
 * and every environment variable its configuration table names must be read by some app's config file.
 */
const documents = [
  'README.md',
  ...readdirSync(join(REPO_ROOT, 'docs'))
    .filter((name) => name.endsWith('.md'))
    .map((name) => `docs/${name}`),
];
const text = (file: string) => readFileSync(join(REPO_ROOT, file), 'utf8');
const scripts = Object.keys((JSON.parse(text('package.json')) as { scripts: Record<string, string> }).scripts);

/** Every source file that reads configuration: the apps' and libraries' `*.config.ts` and `*.settings.ts`. */
function configSources(): string {
  const sources: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(join(REPO_ROOT, dir), { withFileTypes: true })) {
      const path = `${dir}/${entry.name}`;
      if (entry.isDirectory()) walk(path);
      else if (/\.(config|settings)\.ts$/.test(entry.name)) sources.push(text(path));
    }
  };
  walk('apps');
  walk('libs');
  return sources.join('\n');
}

describe('the documentation', () => {
  it.each(documents)('%s runs only npm scripts that exist', (file) => {
    const used = [...text(file).matchAll(/npm run ([\w:-]+)/g)].map(([, script]) => script);
    expect(used.filter((script) => !scripts.includes(script))).toEqual([]);
  });

  it("names in the README's configuration table only variables that a config file reads", () => {
    const readme = text('README.md');
    const table = readme.slice(readme.indexOf('### Configuration'), readme.indexOf('## The metrics'));
    const variables = [...new Set([...table.matchAll(/`([A-Z][A-Z0-9_]+)`/g)].map(([, name]) => name))];
    expect(variables.length).toBeGreaterThan(10);
    const sources = configSources();
    expect(variables.filter((name) => !sources.includes(`'${name}'`))).toEqual([]);
  });
});
