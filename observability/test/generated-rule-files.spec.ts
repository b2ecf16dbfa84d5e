import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { renderRuleFiles } from '../prometheus/generated-rule-files.js';
import { RULE_TESTS_DIR, RULES_DIR } from '../prometheus/prometheus-files.js';
import { GENERATE_RULES_COMMAND } from '../prometheus/rule-yaml.js';
import { SELECTORS } from '../prometheus/selectors.js';

const generated = renderRuleFiles();
const yamlFilesIn = (dir: string): string[] =>
  readdirSync(dir)
    .filter((name) => name.endsWith('.yml'))
    .map((name) => join(dir, name));

describe('the rule files, authored in TypeScript', () => {
  it(`are committed as generated (after a change, run "${GENERATE_RULES_COMMAND}")`, () => {
    for (const [file, content] of Object.entries(generated)) {
      expect({ file, content: readFileSync(file, 'utf8') }).toEqual({ file, content });
    }
  });

  it('are every rule file Prometheus loads: none is written by hand', () => {
    expect(yamlFilesIn(RULES_DIR).sort()).toEqual(
      Object.keys(generated)
        .filter((file) => file.startsWith(RULES_DIR))
        .sort(),
    );
  });

  it('are every promtool test: none is written by hand', () => {
    expect(yamlFilesIn(RULE_TESTS_DIR).sort()).toEqual(
      Object.keys(generated)
        .filter((file) => file.startsWith(RULE_TESTS_DIR))
        .sort(),
    );
  });

  it('spell no job name: every job matcher is one of the selectors', () => {
    const selectors = new Set<string>(Object.values(SELECTORS));
    for (const [file, content] of Object.entries(generated).filter(([file]) => file.startsWith(RULES_DIR))) {
      const { groups } = parse(content) as { groups: Array<{ rules: Array<{ expr: string }> }> };
      for (const { expr } of groups.flatMap((group) => group.rules)) {
        for (const [matcher] of expr.matchAll(/\bjob=~?"[^"]*"/g))
          expect({ file, matcher, known: selectors.has(matcher) }).toEqual({ file, matcher, known: true });
      }
    }
  });
});
