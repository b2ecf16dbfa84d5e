/**
 * observability/otel-collector/config.yaml, checked as `otelcol validate` would check its wiring (no
 * Collector binary here): pipelines use only defined components and every defined one is used; then
 * against the rest of the stack: what it scrapes, where it writes, what compose publishes.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { METRIC_PATHS } from '@app/metrics';
import { findBinary, REPO_ROOT } from '@app/testing';
import { EXPECTED_TARGET_LABELS } from '../../observability/prometheus/scrape-jobs.js';
import { containerPortsOf, hostAndPort, loadComposeProject, mountsOf, portsOf } from './compose-project.js';

type Components = Record<string, Record<string, unknown> | null>;
interface CollectorConfig {
  extensions: Components;
  receivers: Components;
  processors: Components;
  exporters: Components;
  connectors?: Components;
  service: {
    extensions: string[];
    pipelines: Record<string, { receivers: string[]; processors?: string[]; exporters: string[] }>;
    telemetry: { metrics: { readers: { pull: { exporter: { prometheus: { host: string; port: number } } } }[] } };
  };
}
interface ScrapeConfig {
  job_name: string;
  scrape_interval: string;
  metrics_path: string;
  static_configs: { targets: string[]; labels: Record<string, string> }[];
}

const CONFIG_FILE = join(REPO_ROOT, 'observability', 'otel-collector', 'config.yaml');
const config = parse(readFileSync(CONFIG_FILE, 'utf8')) as CollectorConfig;
const project = loadComposeProject();
const collector = project.services['otel-collector'];
const pipelines = Object.entries(config.service.pipelines);
const KINDS = ['receivers', 'processors', 'exporters'] as const;

/** `otelcol validate` where a Collector binary is on PATH; the wiring checks below hold either way. */
const otelcol = findBinary('otelcol-contrib') ?? findBinary('otelcol');
(otelcol ? it : it.skip)(
  otelcol ? 'passes `otelcol validate`' : 'passes `otelcol validate` (skipped: no otelcol-contrib or otelcol on PATH)',
  () => {
    execFileSync(otelcol!, ['validate', `--config=${CONFIG_FILE}`], { stdio: 'pipe' });
  },
);

describe('component wiring', () => {
  it('names every component `type/name`', () => {
    const ids = [...KINDS, 'extensions' as const].flatMap((kind) => Object.keys(config[kind] ?? {}));
    expect(ids.length).toBeGreaterThan(0);
    for (const id of ids) expect(id).toMatch(/^[a-z_]+\/[a-z0-9_-]+$/);
  });

  it.each(pipelines)('pipeline %s uses only defined components', (_name, pipeline) => {
    for (const kind of KINDS) {
      for (const id of pipeline[kind] ?? [])
        expect({ kind, id, defined: id in (config[kind] ?? {}) }).toEqual({ kind, id, defined: true });
    }
    expect(pipeline.receivers.length).toBeGreaterThan(0);
    expect(pipeline.exporters.length).toBeGreaterThan(0);
  });

  it('uses every defined receiver, processor, exporter and extension', () => {
    for (const kind of KINDS) {
      const used = new Set(pipelines.flatMap(([, pipeline]) => pipeline[kind] ?? []));
      expect({ kind, unused: Object.keys(config[kind] ?? {}).filter((id) => !used.has(id)) }).toEqual({
        kind,
        unused: [],
      });
    }
    expect(Object.keys(config.extensions).sort()).toEqual([...config.service.extensions].sort());
  });

  it.each(pipelines)('pipeline %s limits memory first and batches last', (_name, pipeline) => {
    const processors = pipeline.processors ?? [];
    expect(processors[0]).toMatch(/^memory_limiter\//);
    expect(processors[processors.length - 1]).toMatch(/^batch\//);
  });
});

describe('the OpenTelemetry app scrape', () => {
  const receivers = Object.entries(config.receivers).filter(([id]) => id.startsWith('prometheus/'));
  const scrapeConfigs = receivers.flatMap(
    ([, receiver]) => (receiver as { config: { scrape_configs: ScrapeConfig[] } }).config.scrape_configs,
  );
  const localPrometheus = parse(
    readFileSync(join(REPO_ROOT, 'observability', 'prometheus', 'prometheus.yml'), 'utf8'),
  ) as {
    global: { scrape_interval: string };
  };

  it("is the otel-app job with the target labels a direct scrape gives, at the local stack's interval", () => {
    expect(scrapeConfigs.map((scrape) => scrape.job_name)).toEqual([METRIC_PATHS.otel.job]);
    const [scrape] = scrapeConfigs;
    expect(scrape.static_configs[0].labels).toEqual(EXPECTED_TARGET_LABELS[METRIC_PATHS.otel.job]);
    expect(scrape.scrape_interval).toBe(localPrometheus.global.scrape_interval);
  });

  it('reaches the otel-app service on its exporter port', () => {
    const [target] = scrapeConfigs[0].static_configs[0].targets;
    const { host, port } = hostAndPort(target);
    expect(host).toBe('otel-app');
    expect(Number(project.services['otel-app'].environment?.METRICS_PORT)).toBe(port);
    expect(containerPortsOf(project.services['otel-app'])).toContain(port);
  });
});

describe('the Collector in compose', () => {
  it('writes to the compose Prometheus remote-write receiver', () => {
    const writers = Object.entries(config.exporters).filter(([id]) => id.startsWith('prometheusremotewrite/'));
    expect(writers).toHaveLength(1);
    const endpoint = new URL(String(writers[0][1]?.endpoint));
    expect(endpoint.hostname).toBe('prometheus');
    expect(endpoint.pathname).toBe('/api/v1/write');
    expect(containerPortsOf(project.services.prometheus)).toContain(Number(endpoint.port));
    expect(project.services.prometheus.command).toContain('--web.enable-remote-write-receiver');
  });

  it('loads this file', () => {
    const configFlag = (collector.command ?? []).find((flag) => flag.startsWith('--config='))!;
    const mount = mountsOf(collector).find((m) => m.target === configFlag.slice('--config='.length));
    expect(mount?.source).toBe('./observability/otel-collector/config.yaml');
  });

  it('publishes its health check and its own metrics on 127.0.0.1, and Prometheus scrapes the latter', () => {
    const published = portsOf(collector).map((port) => port.containerPort);
    const healthPort = hostAndPort(String(Object.values(config.extensions)[0]?.endpoint)).port;
    const telemetryPort = config.service.telemetry.metrics.readers[0].pull.exporter.prometheus.port;
    expect(published.sort()).toEqual([healthPort, telemetryPort].sort());
    const prometheusConfig = readFileSync(
      join(REPO_ROOT, 'observability', 'prometheus', 'prometheus.compose.yml'),
      'utf8',
    );
    expect(prometheusConfig).toContain(`'otel-collector:${telemetryPort}'`);
  });
});
