import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { alertingRules } from '@app/observability';
import { REPO_ROOT } from '@app/testing';

/**
 * The README's tables that mirror the code: every environment variable its configuration table names must be read
 * by some app's config file, and its alert table must name every alert (the commands, links and queries of every
 * document: docs-truth.spec.ts).
 */
const text = (file: string) => readFileSync(join(REPO_ROOT, file), 'utf8');

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

describe("the README's configuration table", () => {
  it('names only variables that a config file reads', () => {
    const readme = text('README.md');
    const table = readme.slice(readme.indexOf('### Configuration'), readme.indexOf('## The metrics'));
    const variables = [...new Set([...table.matchAll(/`([A-Z][A-Z0-9_]+)`/g)].map(([, name]) => name))];
    expect(variables.length).toBeGreaterThan(10);
    const sources = configSources();
    expect(variables.filter((name) => !sources.includes(`'${name}'`))).toEqual([]);
  });
});

describe("the README's alert table", () => {
  it('names every alert of the rules', () => {
    const readme = text('README.md');
    const table = readme.slice(readme.indexOf('## Alerts'), readme.indexOf('The SLO target is set in one place'));
    const alerts = [...new Set(alertingRules().map(({ rule }) => rule.alert))];
    expect(alerts.filter((alert) => !table.includes(`\`${alert}\``))).toEqual([]);
  });
});
