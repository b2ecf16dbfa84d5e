/**
 * The OpenTelemetry Collector's files (observability/otel-collector/): `otelcol-nest validate` on each delivery's
 * merged config, their wiring, the distribution that builds exactly the components they use, and the files against
 * the rest of the stack: the scrape they repeat from prometheus.yml, and how compose runs them.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { parse } from 'yaml';
import { STACK_VERSIONS } from '@app/local-stack';
import { METRIC_PATHS } from '@app/metrics';
import { describeWithBinaries, present, REPO_ROOT } from '@app/testing';
import {
  DEFAULT_RETRY_MAX_ELAPSED_TIME,
  OTEL_COLLECTOR_DIR,
  OTEL_DELIVERIES,
  otelCollectorConfigFiles,
  otelCollectorEnvironment,
  type OtelDelivery,
} from '../otel-collector/otel-collector-config.js';
import { loadPrometheusConfig } from '../prometheus/prometheus-config.js';
import { EXPECTED_TARGET_LABELS } from '../prometheus/scrape-jobs.js';
import {
  containerPortsOf,
  environmentOf,
  loadComposeProject,
  mountsOf,
  type ComposeService,
} from './compose-project.js';

type Components = Record<string, Record<string, unknown> | null>;
interface CollectorConfig {
  extensions?: Components;
  receivers?: Components;
  processors?: Components;
  exporters?: Components;
  service: {
    extensions?: string[];
    pipelines?: Record<string, { receivers: string[]; processors?: string[]; exporters: string[] }>;
  };
}
interface BuilderManifest {
  dist: { name: string; version: string };
  receivers: { gomod: string }[];
  processors: { gomod: string }[];
  exporters: { gomod: string }[];
  extensions: { gomod: string }[];
}

const KINDS = ['receivers', 'processors', 'exporters', 'extensions'] as const;
type ThroughCollector = Exclude<OtelDelivery, 'scrape'>;
const THROUGH_COLLECTOR = OTEL_DELIVERIES.filter((delivery): delivery is ThroughCollector => delivery !== 'scrape');

const readYaml = (file: string): unknown => parse(readFileSync(file, 'utf8'));

/** The files of a delivery merged as the Collector merges them: maps key by key, anything else replaced. */
function mergedConfig(delivery: ThroughCollector): CollectorConfig {
  const merge = (base: unknown, over: unknown): unknown => {
    if (typeof base !== 'object' || base === null || Array.isArray(base)) return over;
    if (typeof over !== 'object' || over === null || Array.isArray(over)) return over;
    const result: Record<string, unknown> = { ...(base as Record<string, unknown>) };
    for (const [key, value] of Object.entries(over)) result[key] = merge(result[key], value);
    return result;
  };
  return otelCollectorConfigFiles(delivery)
    .map((file) => readYaml(file) as CollectorConfig)
    .reduce((merged, next) => merge(merged, next) as CollectorConfig);
}

/** A component id's type (`prometheusremotewrite/prometheus` → `prometheusremotewrite`). */
const typeOf = (id: string) => id.split('/')[0];
/** Component types whose module is named without their underscores. */
const TYPE_OF_MODULE: Readonly<Record<string, string>> = {
  memorylimiter: 'memory_limiter',
  healthcheck: 'health_check',
  prometheusremotewrite: 'prometheus_remote_write',
};
/** The component type a builder module provides (`.../exporter/prometheusremotewriteexporter v0.165.0`). */
const typeOfModule = (gomod: string) => {
  const name = /\/([a-z]+?)(receiver|processor|exporter|extension)? v/.exec(gomod)?.[1] ?? gomod;
  return TYPE_OF_MODULE[name] ?? name;
};

const ADDRESSES = otelCollectorEnvironment({
  prometheusUrl: 'http://127.0.0.1:9090',
  appMetricsTarget: '127.0.0.1:9464',
  otlpHttpEndpoint: '127.0.0.1:4318',
  healthEndpoint: '127.0.0.1:13133',
  telemetry: { host: '127.0.0.1', port: 8888 },
  scrapeInterval: '5s',
});

describeWithBinaries(['otelcol-nest'], 'otelcol-nest validate', (paths) => {
  it.each(THROUGH_COLLECTOR)('accepts the files of delivery %s', (delivery) => {
    execFileSync(
      paths['otelcol-nest'],
      ['validate', ...otelCollectorConfigFiles(delivery).map((f) => `--config=${f}`)],
      {
        env: { ...process.env, ...ADDRESSES },
        stdio: 'pipe',
      },
    );
  });

  it('refuses a config that names a component the distribution lacks', () => {
    expect(() =>
      execFileSync(
        paths['otelcol-nest'],
        ['validate', `--config=${join(OTEL_COLLECTOR_DIR, 'collector.yaml')}`, '--config=yaml:exporters::kafka: {}'],
        { env: { ...process.env, ...ADDRESSES }, stdio: 'pipe' },
      ),
    ).toThrow(/kafka/);
  });
});

describe.each(THROUGH_COLLECTOR)('delivery %s: wiring', (delivery) => {
  const config = mergedConfig(delivery);
  const pipelines = Object.entries(config.service.pipelines ?? {});

  it('has one pipeline, which limits memory first and batches last', () => {
    expect(pipelines).toHaveLength(1);
    const processors = pipelines[0][1].processors ?? [];
    expect(processors[0]).toMatch(/^memory_limiter\//);
    expect(processors[processors.length - 1]).toMatch(/^batch\//);
  });

  it('uses every component it defines, and defines every one it uses', () => {
    for (const kind of KINDS) {
      const defined = Object.keys(config[kind] ?? {}).sort();
      const used =
        kind === 'extensions'
          ? [...(config.service.extensions ?? [])]
          : pipelines.flatMap(([, pipeline]) => pipeline[kind] ?? []);
      expect({ kind, used: [...new Set(used)].sort() }).toEqual({ kind, used: defined });
    }
  });

  it('reads from the environment only what otel-collector-config.ts sets', () => {
    const text = otelCollectorConfigFiles(delivery)
      .flatMap((file) => readFileSync(file, 'utf8').split('\n'))
      .map((line) => line.replace(/#.*$/, ''))
      .join('\n');
    const read = [...text.matchAll(/\$\{env:([A-Z_]+)\}/g)].map((match) => match[1]);
    for (const name of read) expect(Object.keys(ADDRESSES)).toContain(name);
  });
});

describe('delivery collector: the scrape it makes', () => {
  const receiver = present(mergedConfig('collector').receivers?.['prometheus/app'], 'the prometheus/app receiver');
  const [scrape] = (receiver.config as { scrape_configs: Record<string, unknown>[] }).scrape_configs;
  const local = present(
    loadPrometheusConfig().scrape_configs.find((job) => job.job_name === METRIC_PATHS.otel.job),
    "prometheus.yml's job for the OpenTelemetry app",
  );

  it("is prometheus.yml's job for the app: name, path and target labels, so the stored series are the same", () => {
    const { job_name, metrics_path, static_configs } = scrape as typeof local;
    expect({ job_name, metrics_path, labels: static_configs[0].labels }).toEqual({
      job_name: local.job_name,
      metrics_path: local.metrics_path,
      labels: EXPECTED_TARGET_LABELS[METRIC_PATHS.otel.job],
    });
  });
});

describe('delivery otlp: what the pipeline says of the series', () => {
  const { processors } = mergedConfig('otlp');
  const resource = present(processors?.['resource/scrape-target-labels'], 'the resource processor');

  it("sets the target labels of prometheus.yml's job for the app, which Prometheus promotes", () => {
    const attributes = (resource.attributes as { key: string; value: string; action: string }[]).map(
      ({ key, value, action }) => [key, `${action} ${value}`],
    );
    const expected = Object.entries(EXPECTED_TARGET_LABELS[METRIC_PATHS.otel.job]).map(([key, value]) => [
      key,
      `upsert ${value}`,
    ]);
    expect(attributes).toEqual(expected);
    const promoted = (loadPrometheusConfig() as { otlp?: { promote_resource_attributes?: string[] } }).otlp
      ?.promote_resource_attributes;
    for (const [key] of expected) expect(promoted).toContain(key);
  });
});

describe('the distribution (builder-config.yaml)', () => {
  const manifest = readYaml(join(OTEL_COLLECTOR_DIR, 'builder-config.yaml')) as BuilderManifest;
  const modules = KINDS.flatMap((kind) => manifest[kind].map(({ gomod }) => ({ kind, gomod })));

  it('builds exactly the component types that the deliveries use', () => {
    const used = new Set(
      THROUGH_COLLECTOR.flatMap((delivery) => {
        const config = mergedConfig(delivery);
        return KINDS.flatMap((kind) => Object.keys(config[kind] ?? {}).map((id) => `${kind} ${typeOf(id)}`));
      }),
    );
    const built = new Set(modules.map(({ kind, gomod }) => `${kind} ${typeOfModule(gomod)}`));
    expect([...built].sort()).toEqual([...used].sort());
  });

  it('keeps every component at the release of versions.json, and names the binary the install step links', () => {
    expect(manifest.dist).toMatchObject({ name: 'otelcol-nest', version: STACK_VERSIONS.otelcol });
    expect(STACK_VERSIONS.ocb).toBe(STACK_VERSIONS.otelcol);
    for (const { gomod } of modules)
      expect(gomod).toMatch(new RegExp(` v${STACK_VERSIONS.otelcol.replace(/\./g, '\\.')}$`));
  });
});

describe('the Collector in compose', () => {
  const project = loadComposeProject();
  const override = loadComposeProject(join(REPO_ROOT, 'observability', 'compose', 'delivery-otlp.compose.yml'));
  const collector = project.services['otel-collector'];
  const configFlags = (service: ComposeService | undefined) =>
    (service?.command ?? []).filter((flag) => flag.startsWith('--config=')).map((flag) => flag.slice(9));

  it("mounts this folder and runs delivery collector's files, delivery otlp's with the override file", () => {
    const mount = present(
      mountsOf(collector).find((m) => m.source === './observability/otel-collector'),
      'the mount of observability/otel-collector',
    );
    const inContainer = (files: readonly string[]) => files.map((file) => `${mount.target}/${basename(file)}`);
    expect(configFlags(collector)).toEqual(inContainer(otelCollectorConfigFiles('collector')));
    expect(configFlags(override.services['otel-collector'])).toEqual(inContainer(otelCollectorConfigFiles('otlp')));
  });

  it('gives every address and duration the files read, at compose service names', () => {
    const env = environmentOf(collector);
    expect(Object.keys(env).sort()).toEqual(Object.keys(ADDRESSES).sort());
    expect(env.OTELCOL_PROMETHEUS_URL).toBe('http://prometheus:9090');
    expect(containerPortsOf(project.services['otel-app'])).toContain(
      Number(env.OTELCOL_APP_METRICS_TARGET.split(':')[1]),
    );
    expect(env.OTELCOL_SCRAPE_INTERVAL).toBe(loadPrometheusConfig().global.scrape_interval);
    expect(env.OTELCOL_RETRY_MAX_ELAPSED_TIME).toBe(DEFAULT_RETRY_MAX_ELAPSED_TIME);
  });

  it("on delivery otlp, receives the app's push on the port the app pushes to", () => {
    const app = environmentOf(present(override.services['otel-app'], 'otel-app in the override'));
    const target = new URL(app.OTEL_EXPORTER_OTLP_METRICS_ENDPOINT);
    expect(app.OTEL_METRICS_EXPORTER).toBe('otlp');
    expect(target.hostname).toBe('otel-collector');
    expect(environmentOf(collector).OTELCOL_OTLP_HTTP_ENDPOINT).toBe(`0.0.0.0:${target.port}`);
    expect(containerPortsOf(present(override.services['otel-collector'], 'the Collector in the override'))).toContain(
      Number(target.port),
    );
  });
});
