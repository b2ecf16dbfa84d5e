/**
 * prometheus.compose.yml: rendered from prometheus.yml, the local stack's file (`npm run generate:compose`), so that
 * compose runs the jobs, labels, intervals, OTLP settings and rules that the local stack proves live; checked against
 * docker-compose.yml (every target is a service, on a port it serves) and by promtool.
 */
import { execFileSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { parse } from 'yaml';
import { METRIC_PATHS } from '@app/metrics';
import { describeWithBinaries, present } from '@app/testing';
import {
  COMPOSE_PROMETHEUS_CONFIG_FILE,
  readComposePrometheusConfig,
  renderComposePrometheusConfig,
} from '../prometheus/compose-prometheus-config.js';
import { loadPrometheusConfig } from '../prometheus/prometheus-config.js';
import { SELF_MONITORING_TARGETS } from '../prometheus/scrape-jobs.js';
import { containerPortsOf, hostAndPort, loadComposeProject, mountsOf } from './compose-project.js';

interface PrometheusConfig {
  global: Record<string, string>;
  rule_files: string[];
  alerting: { alertmanagers: { static_configs: { targets: string[] }[] }[] };
  scrape_configs: { job_name: string; static_configs: { targets: string[] }[] }[];
}

const composeConfig = parse(readComposePrometheusConfig()) as PrometheusConfig;
const project = loadComposeProject();
const prometheus = project.services.prometheus;

describe('prometheus.compose.yml', () => {
  it('is in step with prometheus.yml (run `npm run generate:compose` after editing it)', () => {
    expect(readComposePrometheusConfig()).toBe(renderComposePrometheusConfig());
  });

  it.each(
    composeConfig.scrape_configs.flatMap((job) =>
      job.static_configs.flatMap((group) => group.targets.map((target) => [job.job_name, target])),
    ),
  )('job %s scrapes %s, a compose service on a port it serves', (_job, target) => {
    const { host, port } = hostAndPort(target);
    expect(project.services[host]).toBeDefined();
    expect(containerPortsOf(project.services[host])).toContain(port);
  });

  it('scrapes the Collector rather than the OpenTelemetry app, whose series come through it', () => {
    const jobs = composeConfig.scrape_configs.map((job) => job.job_name);
    expect(jobs).toContain(SELF_MONITORING_TARGETS.otelCollector.job);
    expect(jobs).not.toContain(METRIC_PATHS.otel.job);
    expect(loadPrometheusConfig().scrape_configs.map((job) => job.job_name)).toContain(METRIC_PATHS.otel.job);
  });

  it('sends alerts to the compose Alertmanager', () => {
    const targets = composeConfig.alerting.alertmanagers.flatMap((am) => am.static_configs.flatMap((sc) => sc.targets));
    expect(targets).toEqual(['alertmanager:9093']);
    expect(containerPortsOf(project.services.alertmanager)).toContain(9093);
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
    expect(composeConfig.rule_files.every((file) => file.startsWith('rules/'))).toBe(true);
  });

  it("accepts the Collector's remote writes and OTLP pushes, as the local stack's Prometheus does", () => {
    expect(flags).toContain('--web.enable-remote-write-receiver');
    expect(flags).toContain('--web.enable-otlp-receiver');
  });
});

describeWithBinaries(['promtool'], 'prometheus.compose.yml for promtool', ({ promtool }) => {
  it('is a valid configuration whose rule files load', () => {
    const output = execFileSync(promtool, ['check', 'config', COMPOSE_PROMETHEUS_CONFIG_FILE], {
      encoding: 'utf8',
      stdio: 'pipe',
    });
    expect(output).toMatch(/SUCCESS: .*prometheus\.compose\.yml is valid prometheus config file syntax/);
    const ruleFilesChecked = output.match(/SUCCESS: \d+ rules found/g) ?? [];
    expect(ruleFilesChecked.length).toBeGreaterThan(0);
  });
});
