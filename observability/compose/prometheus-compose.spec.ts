/**
 * prometheus.compose.yml against docker-compose.yml (every target is a service, on a port it serves) and
 * against prometheus.yml, the local stack's file (same jobs, labels, intervals and rules, except that the
 * OpenTelemetry app's series are pushed as OTLP through the Collector). promtool checks the file and the rules it
 * loads.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parse } from 'yaml';
import { METRIC_PATHS } from '@app/metrics';
import { describeWithBinaries, present, REPO_ROOT } from '@app/testing';
import { OTLP_DELIVERY } from '../prometheus/otlp-naming.js';
import { EXPECTED_TARGET_LABELS } from '../prometheus/scrape-jobs.js';
import { containerPortsOf, hostAndPort, loadComposeProject, mountsOf } from './compose-project.js';

interface ScrapeConfig {
  job_name: string;
  metrics_path?: string;
  static_configs: { targets: string[]; labels?: Record<string, string> }[];
}
interface PrometheusConfig {
  global: Record<string, string>;
  rule_files: string[];
  alerting: { alertmanagers: { static_configs: { targets: string[] }[] }[] };
  scrape_configs: ScrapeConfig[];
  otlp?: { promote_resource_attributes?: string[]; translation_strategy?: string };
  storage?: { tsdb?: { out_of_order_time_window?: string } };
}

const PROMETHEUS_DIR = join(REPO_ROOT, 'observability', 'prometheus');
const COMPOSE_CONFIG_FILE = join(PROMETHEUS_DIR, 'prometheus.compose.yml');
const read = (file: string) => parse(readFileSync(file, 'utf8')) as PrometheusConfig;

const composeConfig = read(COMPOSE_CONFIG_FILE);
const localConfig = read(join(PROMETHEUS_DIR, 'prometheus.yml'));
const project = loadComposeProject();
const prometheus = project.services.prometheus;

/** The job whose series are pushed as OTLP through the Collector instead of scraped. */
const VIA_COLLECTOR = METRIC_PATHS.otel.job;
/** The job that scrapes the Collector's own metrics, which only the compose stack has. */
const COLLECTOR_JOB = 'otel-collector';

const targetsOf = (config: PrometheusConfig) =>
  config.scrape_configs.flatMap((job) =>
    job.static_configs.flatMap((group) => group.targets.map((target) => ({ job, target }))),
  );

describe('prometheus.compose.yml', () => {
  it.each(targetsOf(composeConfig).map(({ job, target }) => [job.job_name, target]))(
    'job %s scrapes %s, a compose service on a port it serves',
    (_job, target) => {
      const { host, port } = hostAndPort(target);
      expect(project.services[host]).toBeDefined();
      expect(containerPortsOf(project.services[host])).toContain(port);
    },
  );

  it('sends alerts to the compose Alertmanager', () => {
    const targets = composeConfig.alerting.alertmanagers.flatMap((am) => am.static_configs.flatMap((sc) => sc.targets));
    expect(targets).toEqual(['alertmanager:9093']);
    expect(containerPortsOf(project.services.alertmanager)).toContain(9093);
  });

  it('has the jobs and target labels of prometheus.yml, but for the OpenTelemetry app, which pushes', () => {
    const labelsByJob = (config: PrometheusConfig) =>
      Object.fromEntries(config.scrape_configs.map((job) => [job.job_name, job.static_configs[0].labels ?? {}]));
    const local = labelsByJob(localConfig);
    const compose = labelsByJob(composeConfig);
    const { [VIA_COLLECTOR]: viaCollector, ...scrapedByPrometheus } = EXPECTED_TARGET_LABELS;
    expect(viaCollector).toBeDefined();
    expect(compose).toEqual({ ...scrapedByPrometheus, [COLLECTOR_JOB]: { service: COLLECTOR_JOB } });
    const { [VIA_COLLECTOR]: _otel, ...localScrapedByPrometheus } = local;
    const { [COLLECTOR_JOB]: _collector, ...composeWithoutCollector } = compose;
    expect(composeWithoutCollector).toEqual(localScrapedByPrometheus);
  });

  it('scrapes the same metrics paths as prometheus.yml', () => {
    const paths = (config: PrometheusConfig) =>
      Object.fromEntries(config.scrape_configs.map((job) => [job.job_name, job.metrics_path ?? '/metrics']));
    const local = paths(localConfig);
    for (const [job, path] of Object.entries(paths(composeConfig)))
      if (job in local) expect({ job, path }).toEqual({ job, path: local[job] });
  });

  it('promotes the resource attributes that the rules and dashboards read on pushed series', () => {
    expect(composeConfig.otlp?.promote_resource_attributes).toEqual([...OTLP_DELIVERY.promotedResourceAttributes]);
    // The default translation, whose names otlp-naming.ts derives (unit suffixes, `_total`).
    expect(composeConfig.otlp?.translation_strategy).toBeUndefined();
    for (const attribute of Object.keys(OTLP_DELIVERY.pipelineResourceAttributes))
      expect(OTLP_DELIVERY.promotedResourceAttributes).toContain(attribute);
  });

  it('accepts pushed samples that arrive out of order, within a window longer than a push interval', () => {
    const window = composeConfig.storage?.tsdb?.out_of_order_time_window ?? '';
    expect(window).toMatch(/^\d+m$/);
    expect(Number.parseInt(window, 10) * 60).toBeGreaterThan(Number.parseInt(composeConfig.global.scrape_interval, 10));
    expect(localConfig.storage).toBeUndefined();
  });

  it('keeps the intervals and rule files of prometheus.yml', () => {
    expect(composeConfig.global).toEqual(localConfig.global);
    expect(composeConfig.rule_files).toEqual(localConfig.rule_files);
  });
});

describe('the compose Prometheus service', () => {
  const flags = prometheus.command ?? [];
  const configPath = present(
    flags.find((flag) => flag.startsWith('--config.file=')),
    'a --config.file= flag',
  ).split('=')[1];
  const mounts = mountsOf(prometheus);

  it('loads prometheus.compose.yml with the rules directory beside it, as in the repository', () => {
    const config = mounts.find((mount) => mount.target === configPath);
    expect(config?.source).toBe('./observability/prometheus/prometheus.compose.yml');
    const rules = mounts.find((mount) => mount.source === './observability/prometheus/rules');
    expect(rules?.target).toBe(join(dirname(configPath), 'rules'));
  });

  it("accepts the Collector's OTLP pushes, and no remote write", () => {
    expect(flags).toContain('--web.enable-otlp-receiver');
    expect(flags).not.toContain('--web.enable-remote-write-receiver');
  });
});

describeWithBinaries(['promtool'], 'prometheus.compose.yml for promtool', ({ promtool }) => {
  it('is a valid configuration whose rule files load', () => {
    const output = execFileSync(promtool, ['check', 'config', COMPOSE_CONFIG_FILE], {
      encoding: 'utf8',
      stdio: 'pipe',
    });
    expect(output).toMatch(/SUCCESS: .*prometheus\.compose\.yml is valid prometheus config file syntax/);
    const ruleFilesChecked = output.match(/SUCCESS: \d+ rules found/g) ?? [];
    expect(ruleFilesChecked.length).toBeGreaterThan(0);
  });
});
