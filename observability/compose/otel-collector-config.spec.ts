/**
 * observability/otel-collector/config.yaml, checked as `otelcol validate` would check its wiring (no
 * Collector binary here): pipelines use only defined components and every defined one is used; then
 * against the rest of the stack: what the app pushes to it, where it pushes, what compose publishes.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { METRIC_PATHS } from '@app/metrics';
import { findBinary, present, REPO_ROOT } from '@app/testing';
import { loadOtelAppConfig } from '@app/otel-app';
import { OTLP_DELIVERY } from '../prometheus/otlp-naming.js';
import { EXPECTED_TARGET_LABELS } from '../prometheus/scrape-jobs.js';
import {
  containerPortsOf,
  environmentOf,
  hostAndPort,
  loadComposeProject,
  mountsOf,
  portsOf,
} from './compose-project.js';

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
    execFileSync(present(otelcol, 'an otelcol binary'), ['validate', `--config=${CONFIG_FILE}`], { stdio: 'pipe' });
  },
);

describe('component wiring', () => {
  // Read generically, section by section: a Collector config may leave any of them out.
  const sections: Partial<Record<(typeof KINDS)[number] | 'extensions', Components>> = config;

  it('names every component `type/name`', () => {
    const ids = [...KINDS, 'extensions' as const].flatMap((kind) => Object.keys(sections[kind] ?? {}));
    expect(ids.length).toBeGreaterThan(0);
    for (const id of ids) expect(id).toMatch(/^[a-z_]+\/[a-z0-9_-]+$/);
  });

  it.each(pipelines)('pipeline %s uses only defined components', (_name, pipeline) => {
    for (const kind of KINDS) {
      for (const id of pipeline[kind] ?? [])
        expect({ kind, id, defined: id in (sections[kind] ?? {}) }).toEqual({ kind, id, defined: true });
    }
    expect(pipeline.receivers.length).toBeGreaterThan(0);
    expect(pipeline.exporters.length).toBeGreaterThan(0);
  });

  it('uses every defined receiver, processor, exporter and extension', () => {
    for (const kind of KINDS) {
      const used = new Set(pipelines.flatMap(([, pipeline]) => pipeline[kind] ?? []));
      expect({ kind, unused: Object.keys(sections[kind] ?? {}).filter((id) => !used.has(id)) }).toEqual({
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

describe("the OpenTelemetry app's push", () => {
  const otelApp = project.services['otel-app'];
  const env = environmentOf(otelApp);
  const receivers = Object.entries(config.receivers).filter(([id]) => id.startsWith('otlp/'));
  const localPrometheus = parse(
    readFileSync(join(REPO_ROOT, 'observability', 'prometheus', 'prometheus.yml'), 'utf8'),
  ) as { global: { scrape_interval: string } };

  it('is configured by the standard OTEL_* variables, which the app accepts', () => {
    const { telemetry } = loadOtelAppConfig(env, 'compose');
    expect(telemetry.prometheus).toBeUndefined();
    expect(telemetry.otlp).toMatchObject({ protocol: 'http/protobuf' });
    // The only temporality Prometheus stores; the app refuses any other value.
    expect(env.OTEL_EXPORTER_OTLP_METRICS_TEMPORALITY_PREFERENCE).toBe('cumulative');
  });

  it("pushes to the Collector's OTLP/HTTP receiver, on a port the Collector exposes", () => {
    expect(receivers).toHaveLength(1);
    const http = (receivers[0][1] as { protocols: { http: { endpoint: string } } }).protocols.http;
    const receiverPort = hostAndPort(http.endpoint).port;
    const target = new URL(env.OTEL_EXPORTER_OTLP_METRICS_ENDPOINT);
    expect({ host: target.hostname, port: Number(target.port), path: target.pathname }).toEqual({
      host: 'otel-collector',
      port: receiverPort,
      path: '/v1/metrics',
    });
    expect(containerPortsOf(collector)).toContain(receiverPort);
    expect(otelApp.depends_on?.['otel-collector']).toBeDefined();
  });

  it("pushes at the local stack's scrape interval, so that both stacks have the same resolution", () => {
    const { telemetry } = loadOtelAppConfig(env, 'compose');
    const { exportIntervalMillis } = present(telemetry.otlp, 'OTLP settings in compose');
    expect(`${exportIntervalMillis / 1000}s`).toBe(localPrometheus.global.scrape_interval);
  });

  it('labels the series with the scrape target labels that Prometheus promotes, as the local scrape does', () => {
    const [[, pipeline]] = pipelines;
    const resources = (pipeline.processors ?? []).filter((id) => id.startsWith('resource/'));
    expect(resources).toHaveLength(1);
    const { attributes } = config.processors[resources[0]] as {
      attributes: { key: string; value: string; action: string }[];
    };
    const set = Object.fromEntries(attributes.map(({ key, value, action }) => [key, `${action} ${value}`]));
    expect(set).toEqual(
      Object.fromEntries(
        Object.entries(OTLP_DELIVERY.pipelineResourceAttributes).map(([key, value]) => [key, `upsert ${value}`]),
      ),
    );
    const targetLabels = EXPECTED_TARGET_LABELS[METRIC_PATHS.otel.job];
    for (const [key, value] of Object.entries(OTLP_DELIVERY.pipelineResourceAttributes))
      expect({ key, value }).toEqual({ key, value: targetLabels[key] });
  });

  it('is no longer scraped: the app publishes no exporter port', () => {
    expect(containerPortsOf(otelApp)).toEqual([Number(env.PORT)]);
    expect(env.METRICS_PORT).toBeUndefined();
  });
});

describe('the Collector in compose', () => {
  it("pushes to the compose Prometheus' OTLP receiver", () => {
    const exporters = Object.entries(config.exporters);
    expect(exporters.map(([id]) => id.split('/')[0])).toEqual(['otlphttp']);
    const endpoint = new URL(String(exporters[0][1]?.metrics_endpoint));
    expect(endpoint.hostname).toBe('prometheus');
    expect(endpoint.pathname).toBe('/api/v1/otlp/v1/metrics');
    expect(containerPortsOf(project.services.prometheus)).toContain(Number(endpoint.port));
    expect(project.services.prometheus.command).toContain('--web.enable-otlp-receiver');
  });

  it('loads this file', () => {
    const configFlag = present(
      (collector.command ?? []).find((flag) => flag.startsWith('--config=')),
      'a --config= flag',
    );
    const mount = mountsOf(collector).find((m) => m.target === configFlag.slice('--config='.length));
    expect(mount?.source).toBe('./observability/otel-collector/config.yaml');
  });

  it('publishes its health check and its own metrics on 127.0.0.1, and Prometheus scrapes the latter', () => {
    const published = portsOf(collector).map((port) => port.containerPort);
    const healthPort = hostAndPort(String(Object.values(config.extensions)[0]?.endpoint)).port;
    const telemetryPort = config.service.telemetry.metrics.readers[0].pull.exporter.prometheus.port;
    expect(published.sort()).toEqual([healthPort, telemetryPort].sort());
    expect(portsOf(collector).every((port) => port.hostIp === '127.0.0.1')).toBe(true);
    const prometheusConfig = readFileSync(
      join(REPO_ROOT, 'observability', 'prometheus', 'prometheus.compose.yml'),
      'utf8',
    );
    expect(prometheusConfig).toContain(`'otel-collector:${telemetryPort}'`);
  });
});
