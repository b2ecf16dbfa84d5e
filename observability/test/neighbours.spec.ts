/**
 * Prometheus' neighbours made concrete (observability/prometheus/neighbours/, shown in docs/cours/): federation,
 * remote write to long-term storage, database exporters and the OpenMetrics exposition. Each configuration is
 * checked by promtool, as a Prometheus of its own or added to the committed prometheus.yml, and what it selects is
 * held to the series that exist.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import { RECORDED_SERIES_NAMES, TASKS_METRICS } from '@app/metrics';
import { PromClientMetricRecorder } from '@app/prom-client-metrics';
import { Registry } from '@prometheus-io/client';
import {
  loadPrometheusConfig,
  PROMETHEUS_DIR,
  promqlNames,
  renderPrometheusConfig,
  STACK_SERIES_NAMES,
  type PrometheusConfigOverrides,
} from '@app/observability';
import { describeWithBinaries, expectSuccess, REPO_ROOT, runTool } from '@app/testing';

const NEIGHBOURS_DIR = join(PROMETHEUS_DIR, 'neighbours');
/** The course page that shows every snippet, whole. */
const COURSE_PAGE = join(REPO_ROOT, 'docs/cours/06-autour-de-prometheus.md');

/** How each snippet is used: a Prometheus of its own, or blocks added to the service's prometheus.yml. */
const SNIPPETS = {
  'federation.yml': 'own-prometheus',
  'remote-write.yml': 'added-to-prometheus-yml',
  'database-exporters.yml': 'added-to-prometheus-yml',
  'openmetrics.yml': 'added-to-prometheus-yml',
} as const;

type ConfigDocument = Record<string, unknown>;
const snippet = (file: string) => readFileSync(join(NEIGHBOURS_DIR, file), 'utf8');
const snippetConfig = (file: string) => parse(snippet(file)) as ConfigDocument;

/** prometheus.yml as committed (rule files made absolute), with a snippet's lists appended and its maps merged. */
function withSnippet(file: string): string {
  const committed = loadPrometheusConfig();
  const targets = Object.fromEntries(
    committed.scrape_configs.map((scrape) => [scrape.job_name, scrape.static_configs[0].targets[0]]),
  ) as PrometheusConfigOverrides['targets'];
  const config = parse(renderPrometheusConfig({ targets, alertmanager: '127.0.0.1:9093' })) as ConfigDocument;
  for (const [key, value] of Object.entries(snippetConfig(file))) {
    const current = config[key];
    if (Array.isArray(value)) config[key] = [...((current as unknown[] | undefined) ?? []), ...(value as unknown[])];
    else config[key] = { ...(current as object | undefined), ...(value as object) };
  }
  return stringify(config);
}

/** Prometheus anchors a name regex at both ends. */
const anchored = (regex: string) => new RegExp(`^(?:${regex})$`);
const rawNames = [...STACK_SERIES_NAMES].filter((name) => !RECORDED_SERIES_NAMES.includes(name));

describe('the neighbours’ snippets', () => {
  it('are the files of observability/prometheus/neighbours, each shown whole on the course page', () => {
    const files = readdirSync(NEIGHBOURS_DIR).filter((name) => name.endsWith('.yml'));
    expect(files.sort()).toEqual(Object.keys(SNIPPETS).sort());
    const page = readFileSync(COURSE_PAGE, 'utf8');
    for (const file of files)
      expect({ file, shown: page.includes(`\`\`\`yaml\n${snippet(file)}\`\`\``) }).toEqual({ file, shown: true });
  });

  it('federation pulls every recorded series and the firing alerts, and no raw series', () => {
    const [scrape] = snippetConfig('federation.yml').scrape_configs as Array<{ params: { 'match[]': string[] } }>;
    const [byName, alerts] = scrape.params['match[]'];
    const names = promqlNames(byName);
    expect(names.metrics).toEqual([]);
    const nameRegex = anchored(/__name__=~"([^"]+)"/.exec(byName)?.[1] ?? '');
    expect(RECORDED_SERIES_NAMES.filter((name) => !nameRegex.test(name))).toEqual([]);
    expect(rawNames.filter((name) => nameRegex.test(name))).toEqual([]);
    expect(promqlNames(alerts).metrics).toEqual(['ALERTS']);
  });

  it('remote write keeps the recorded series, the alerts and up, and drops every raw series of the apps', () => {
    const writes = snippetConfig('remote-write.yml').remote_write as Array<{
      write_relabel_configs: Array<{ source_labels: string[]; regex: string; action: string }>;
    }>;
    expect(writes.length).toBe(2);
    for (const write of writes) {
      const [keep] = write.write_relabel_configs;
      expect({ source_labels: keep.source_labels, action: keep.action }).toEqual({
        source_labels: ['__name__'],
        action: 'keep',
      });
      const regex = anchored(keep.regex);
      expect([...RECORDED_SERIES_NAMES, 'ALERTS', 'up'].filter((name) => !regex.test(name))).toEqual([]);
      expect(rawNames.filter((name) => regex.test(name) && name !== 'up' && name !== 'ALERTS')).toEqual([]);
    }
  });

  it('the database exporters are jobs of their own, beside the committed ones', () => {
    const jobs = (snippetConfig('database-exporters.yml').scrape_configs as Array<{ job_name: string }>).map(
      (scrape) => scrape.job_name,
    );
    const committed = loadPrometheusConfig().scrape_configs.map((scrape) => scrape.job_name);
    expect(jobs).toEqual(['postgres', 'mysql']);
    expect(jobs.filter((job) => committed.includes(job))).toEqual([]);
  });

  // The page shows what prom-client writes when it is asked for OpenMetrics: checked against the library itself.
  it('the OpenMetrics exposition on the course page is what prom-client writes for the catalogue’s metrics', async () => {
    const registry = new Registry(Registry.OPENMETRICS_CONTENT_TYPE);
    const recorder = new PromClientMetricRecorder(registry);
    recorder.counter(TASKS_METRICS.outcomes).add({ task_name: 'sample', task_outcome: 'ok' }, 3);
    recorder.histogram(TASKS_METRICS.workDuration).observe({ task_name: 'sample' }, 0.15);
    const written = (await registry.metrics()).split('\n');
    const page = readFileSync(COURSE_PAGE, 'utf8');
    const shown = /<!-- openmetrics-exposition -->\n+```text\n([^`]+)```/.exec(page)?.[1].trimEnd().split('\n') ?? [];
    expect(shown).toEqual(expect.arrayContaining(['# TYPE tasks_outcomes counter', '# EOF']));
    // Each line shown is a line written, in the same order (the page leaves out the other label sets).
    let from = 0;
    for (const line of shown) {
      const at = written.indexOf(line, from);
      expect({ line, written: at >= 0 }).toEqual({ line, written: true });
      from = at + 1;
    }
  });
});

describeWithBinaries(['promtool'], 'the neighbours’ snippets in promtool', (paths) => {
  let workDir: string;
  beforeAll(() => {
    workDir = mkdtempSync(join(tmpdir(), 'neighbours-'));
  });
  afterAll(() => rmSync(workDir, { recursive: true, force: true }));

  it.each(Object.entries(SNIPPETS))('%s passes promtool check config (%s)', async (file, use) => {
    const config = join(workDir, file);
    writeFileSync(config, use === 'own-prometheus' ? snippet(file) : withSnippet(file));
    const run = await runTool(paths.promtool, ['check', 'config', config], workDir);
    expectSuccess(run, `promtool check config ${file}`);
  });
});
