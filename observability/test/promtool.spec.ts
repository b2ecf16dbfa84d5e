import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describeWithBinaries } from '@app/testing';
import { PROMETHEUS_CONFIG_FILE, PROMETHEUS_DIR, RULE_TESTS_DIR } from '../prometheus/prometheus-files.js';
import { ruleFilePaths } from '../prometheus/rule-files.js';
import { expectSuccess, runTool } from '@app/testing';

const RULE_TEST_FILES = readdirSync(RULE_TESTS_DIR)
  .filter((name) => name.endsWith('.test.yml'))
  .sort();

describeWithBinaries(['promtool'], 'promtool on the committed Prometheus configuration', ({ promtool }) => {
  it('check config: prometheus.yml and every rule file it loads are valid', async () => {
    const run = await runTool(promtool, ['check', 'config', PROMETHEUS_CONFIG_FILE], PROMETHEUS_DIR);
    expectSuccess(run, 'promtool check config');
    expect(run.output).toMatch(/SUCCESS: \d+ rule files found/);
  });

  it('check rules --lint=all --lint-fatal: every rule file is valid and lint-clean', async () => {
    const files = ruleFilePaths();
    expect(files.length).toBeGreaterThan(0);
    expectSuccess(
      await runTool(promtool, ['check', 'rules', '--lint=all', '--lint-fatal', ...files]),
      'promtool check rules',
    );
  });

  it('has unit tests to run', () => {
    expect(RULE_TEST_FILES.length).toBeGreaterThan(0);
  });

  it.each(RULE_TEST_FILES)('test rules %s', async (name) => {
    // Run from the tests folder: the test files name their rule files relative to it.
    const run = await runTool(promtool, ['test', 'rules', name], RULE_TESTS_DIR);
    expectSuccess(run, `promtool test rules ${join('tests', name)}`);
    expect(run.output).toContain('SUCCESS');
  });

  it('test rules fails on a wrong expectation (the unit tests can fail)', async () => {
    const run = await runTool(promtool, [
      'test',
      'rules',
      join(import.meta.dirname, 'fixtures', 'wrong-expectation.test.yml'),
    ]);
    expect(run.code).not.toBe(0);
    expect(run.output).toContain('FAILED');
  });
});
