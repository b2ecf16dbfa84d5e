import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { parse } from 'yaml';
import { PrometheusServer, waitFor } from '@app/local-stack';
import { describeWithBinaries, freePort } from '@app/testing';
import {
  loadPrometheusConfig,
  renderPrometheusConfig,
  writePrometheusConfig,
  type PrometheusConfig,
  type PrometheusConfigOverrides,
} from '../prometheus/prometheus-config.js';
import { loadRuleFiles, ruleFilePaths } from '../prometheus/rule-files.js';
import { EXPECTED_TARGET_LABELS, SCRAPE_JOB_NAMES } from '../prometheus/scrape-jobs.js';
import { expectSuccess, runTool } from '@app/testing';

const FREE_PORTS_STACK: PrometheusConfigOverrides = {
  targets: {
    'tasks-otel': '127.0.0.1:41001',
    'prom-client-app': '127.0.0.1:41002',
    prometheus: '127.0.0.1:41003',
    alertmanager: '127.0.0.1:41004',
    'alert-receiver': '127.0.0.1:41005',
    'otel-collector': '127.0.0.1:41006',
  },
  alertmanager: '127.0.0.1:41004',
};

const rendered = (overrides: PrometheusConfigOverrides) => parse(renderPrometheusConfig(overrides)) as PrometheusConfig;
const targetsByJob = (config: PrometheusConfig) =>
  Object.fromEntries(config.scrape_configs.map((scrape) => [scrape.job_name, scrape.static_configs[0].targets]));

/** The rule files a `rule_files` glob of prometheus.yml matches (only `*` is used there). */
function matchesGlob(file: string, glob: string): boolean {
  const pattern = glob
    .split('*')
    .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
    .join('[^/]*');
  return new RegExp(`(^|/)${pattern}$`).test(file);
}

describe('prometheus.yml', () => {
  const config = loadPrometheusConfig();

  it('scrapes exactly the apps of METRIC_PATHS and the pipeline itself, each with its path/service labels', () => {
    expect(config.scrape_configs.map((scrape) => scrape.job_name).sort()).toEqual([...SCRAPE_JOB_NAMES].sort());
    for (const scrape of config.scrape_configs) {
      expect({ job: scrape.job_name, labels: scrape.static_configs[0].labels }).toEqual({
        job: scrape.job_name,
        labels: EXPECTED_TARGET_LABELS[scrape.job_name as keyof typeof EXPECTED_TARGET_LABELS],
      });
    }
  });

  it('states its intervals: rules are evaluated as often as samples arrive', () => {
    expect(config.global).toEqual({ scrape_interval: '5s', scrape_timeout: '4s', evaluation_interval: '5s' });
  });

  it('loads every rule file of rules/ through its rule_files globs', () => {
    const loaded = ruleFilePaths().filter((file) => config.rule_files.some((glob) => matchesGlob(file, glob)));
    expect(loaded.map((file) => basename(file))).toEqual(ruleFilePaths().map((file) => basename(file)));
  });

  it('sends alerts to the local Alertmanager', () => {
    expect(config.alerting?.alertmanagers[0].static_configs[0].targets).toEqual(['127.0.0.1:9093']);
  });
});

describe('renderPrometheusConfig', () => {
  it('replaces only the addresses and makes the rule file globs absolute', () => {
    const committed = loadPrometheusConfig();
    const config = rendered(FREE_PORTS_STACK);
    expect(targetsByJob(config)).toEqual(
      Object.fromEntries(Object.entries(FREE_PORTS_STACK.targets).map(([job, address]) => [job, [address]])),
    );
    expect(config.alerting?.alertmanagers[0].static_configs[0].targets).toEqual(['127.0.0.1:41004']);
    expect(config.rule_files).toEqual(committed.rule_files);
    expect(config.rule_files.every((file) => file.startsWith('/'))).toBe(true);
    expect(config.scrape_configs.map((scrape) => scrape.static_configs[0].labels)).toEqual(
      committed.scrape_configs.map((scrape) => scrape.static_configs[0].labels),
    );
    expect(config.global).toEqual(committed.global);
  });

  it('drops the jobs and the Alertmanager given as null', () => {
    const config = rendered({
      ...FREE_PORTS_STACK,
      targets: { ...FREE_PORTS_STACK.targets, 'alert-receiver': null, alertmanager: null },
      alertmanager: null,
    });
    expect(Object.keys(targetsByJob(config)).sort()).toEqual([
      'otel-collector',
      'prom-client-app',
      'prometheus',
      'tasks-otel',
    ]);
    expect(config.alerting).toBeUndefined();
  });

  it('sets one interval for scraping, its timeout and rule evaluation', () => {
    expect(rendered({ ...FREE_PORTS_STACK, interval: '1s' }).global).toEqual({
      scrape_interval: '1s',
      scrape_timeout: '1s',
      evaluation_interval: '1s',
    });
  });

  it.each([
    [{ ...FREE_PORTS_STACK, alertmanager: 'http://127.0.0.1:9093' }, 'address of alertmanager'],
    [
      { ...FREE_PORTS_STACK, targets: { ...FREE_PORTS_STACK.targets, 'tasks-otel': '127.0.0.1' } },
      'address of tasks-otel',
    ],
    [{ ...FREE_PORTS_STACK, interval: 'fast' }, 'interval "fast"'],
  ])('rejects a bad override, naming it (%#)', (overrides, message) => {
    expect(() => renderPrometheusConfig(overrides)).toThrow(message);
  });
});

describeWithBinaries(['promtool', 'prometheus'], 'the rendered configuration in real tools', (paths) => {
  let workDir: string;
  beforeEach(() => {
    workDir = mkdtempSync(join(tmpdir(), 'prometheus-config-'));
  });
  afterEach(() => rmSync(workDir, { recursive: true, force: true }));

  it('passes promtool check config from another directory', async () => {
    const file = writePrometheusConfig(workDir, FREE_PORTS_STACK);
    const run = await runTool(paths.promtool, ['check', 'config', file], tmpdir());
    expectSuccess(run, 'promtool check config (rendered)');
    expect(run.output).toContain(`SUCCESS: ${ruleFilePaths().length} rule files found`);
  });

  it('loads every rule group into a real Prometheus, and every rule evaluates without error', async () => {
    const port = await freePort();
    const unused = await freePort();
    const prometheus = await PrometheusServer.start({
      binary: paths.prometheus,
      configFile: writePrometheusConfig(workDir, {
        // Apps that are not running: their targets are down, which the rules must handle too.
        targets: {
          'tasks-otel': `127.0.0.1:${unused}`,
          'prom-client-app': `127.0.0.1:${unused}`,
          prometheus: `127.0.0.1:${port}`,
          alertmanager: null,
          'alert-receiver': null,
          'otel-collector': null,
        },
        alertmanager: null,
        interval: '1s',
      }),
      port,
      workDir,
    });
    try {
      const groups = await waitFor(
        'every rule evaluated at least once',
        async () => {
          const loaded = await prometheus.api.ruleGroups();
          const evaluated = loaded.every((group) => group.rules.every((rule) => rule.health !== 'unknown'));
          return loaded.length > 0 && evaluated ? loaded : undefined;
        },
        { timeoutMs: 20_000, intervalMs: 250 },
      );
      const committedGroups = loadRuleFiles().flatMap((file) => file.groups.map((group) => group.name));
      expect(groups.map((group) => group.name).sort()).toEqual(committedGroups.sort());
      const unhealthy = groups.flatMap((group) =>
        group.rules
          .filter((rule) => rule.health !== 'ok')
          .map((rule) => `${group.name}/${rule.name}: ${String(rule.lastError)}`),
      );
      expect(unhealthy).toEqual([]);
    } finally {
      await prometheus.stop();
    }
  });
});
