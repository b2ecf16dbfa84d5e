/**
 * docker-compose.yml, checked without a Docker engine: against the Compose specification's JSON schema and
 * dclint's rules (dclint's bundled schema and API), then for what the schema cannot know: that mounted
 * files exist, that versions are pinned, that nothing listens beyond 127.0.0.1, that start-up waits on
 * health.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DCLinter as UntypedDCLinter } from 'dclint';
import { DEFAULT_STACK_PORTS, STACK_VERSIONS } from '@app/local-stack';
import { present, REPO_ROOT } from '@app/testing';
import { RUNBOOKS_PAGE } from '@app/metrics';
import {
  COMPOSE_FILE,
  containerPortsOf,
  hostPathOf,
  loadComposeProject,
  mountsOf,
  portsOf,
} from './compose-project.js';

/**
 * The apps built from the Dockerfile, and the ports each serves (its HTTP port first): the OpenTelemetry app's
 * Prometheus exporter too, which the Collector scrapes.
 */
const APP_PORTS: Readonly<Record<string, readonly number[]>> = {
  'otel-app': [8080, 9464],
  'prom-client-app': [8081],
  'alert-receiver': [8082],
};

/**
 * The OpenTelemetry Collector's image is distroless: no shell, no HTTP client, nothing to run a health
 * probe with. Services that wait for it wait for its start.
 */
const WITHOUT_HEALTHCHECK = new Set(['otel-collector']);

interface DclintMessage {
  rule: string;
  line: number;
  message: string;
}

// dclint's typings import their own files without extensions, which nodenext does not resolve: the linter is
// typed here with what the tests use of it.
const DCLinter = UntypedDCLinter as unknown as new (config: {
  rules: Record<string, number>;
  quiet: boolean;
  debug: boolean;
  exclude: string[];
}) => { lintFiles(paths: string[], doRecursiveSearch: boolean): { messages: DclintMessage[] }[] };

function lint(file: string) {
  // Every dclint rule, at its default level, except one: the image tags are YAML anchors (the versions sit
  // together at the top), which that rule reads unresolved. The pinned-versions test below checks them.
  const linter = new DCLinter({
    rules: { 'service-image-require-explicit-tag': 0 },
    quiet: true,
    debug: false,
    exclude: [],
  });
  return linter.lintFiles([file], false).flatMap((result) => result.messages);
}

const project = loadComposeProject();
const services = Object.entries(project.services);

describe('docker-compose.yml against the Compose specification (dclint)', () => {
  it('is valid and passes every dclint rule', () => {
    const problems = lint(COMPOSE_FILE).map((message) => `${message.rule} line ${message.line}: ${message.message}`);
    expect(problems).toEqual([]);
  });

  it('would be rejected if it broke the schema (the check is live)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'compose-schema-'));
    try {
      const broken = join(dir, 'docker-compose.yml');
      const source = readFileSync(COMPOSE_FILE, 'utf8');
      writeFileSync(broken, source.replace(/^ {4}restart: unless-stopped$/m, '    restart_policy: unless-stopped'));
      expect(lint(broken).map((message) => message.rule)).toContain('invalid-schema');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('services', () => {
  it('are the whole stack', () => {
    expect(Object.keys(project.services).sort()).toEqual(
      [
        'alert-receiver',
        'alertmanager',
        'grafana',
        'otel-app',
        'otel-collector',
        'prom-client-app',
        'prometheus',
      ].sort(),
    );
  });

  it('pin every image to a version, all listed once at the top of the file', () => {
    const pinned = Object.values(project['x-images'] as Record<string, string>);
    for (const image of pinned) expect(image).toMatch(/^[\w./-]+:v?\d+\.\d+\.\d+$/);
    for (const [name, service] of services) {
      if (service.build) continue;
      expect({ name, image: service.image, pinnedAtTop: pinned.includes(service.image ?? '') }).toEqual({
        name,
        image: service.image,
        pinnedAtTop: true,
      });
    }
  });

  it.each(services)('%s mounts only files and directories that exist, read-only', (_name, service) => {
    for (const mount of mountsOf(service).filter((m) => m.bind)) {
      expect({ source: mount.source, exists: existsSync(hostPathOf(mount)) }).toEqual({
        source: mount.source,
        exists: true,
      });
      expect({ source: mount.source, readOnly: mount.readOnly }).toEqual({ source: mount.source, readOnly: true });
    }
  });

  it('keep their data in named volumes, each declared and each used', () => {
    const used = services.flatMap(([, service]) =>
      mountsOf(service)
        .filter((m) => !m.bind)
        .map((m) => m.source),
    );
    expect(used.length).toBeGreaterThan(0);
    expect([...new Set(used)].sort()).toEqual(Object.keys(project.volumes ?? {}).sort());
  });

  it.each(services)('%s publishes its ports on 127.0.0.1 only', (_name, service) => {
    for (const port of portsOf(service)) expect(port.hostIp).toBe('127.0.0.1');
  });

  it.each(services.filter(([name]) => !WITHOUT_HEALTHCHECK.has(name)))('%s has a health check', (_name, service) => {
    expect(service.healthcheck?.test?.[0]).toBe('CMD');
  });

  it.each(services)(
    '%s waits for its dependencies to be healthy (or started, for those without a probe)',
    (_n, service) => {
      for (const [dependency, { condition }] of Object.entries(service.depends_on ?? {})) {
        expect(project.services[dependency]).toBeDefined();
        const expected = WITHOUT_HEALTHCHECK.has(dependency) ? 'service_started' : 'service_healthy';
        expect({ dependency, condition }).toEqual({ dependency, condition: expected });
      }
    },
  );
});

describe('the runbooks', () => {
  it("are served where every alert's runbook_url points: the receiver's port in the demo and in compose", () => {
    const port = Number(new URL(RUNBOOKS_PAGE.url).port);
    expect(DEFAULT_STACK_PORTS.alertReceiver).toBe(port);
    expect(portsOf(project.services['alert-receiver'])).toContainEqual({
      hostIp: '127.0.0.1',
      hostPort: port,
      containerPort: port,
    });
  });
});

describe('hardening', () => {
  /** Grafana writes outside its data volume (plugins, temporary files): its root filesystem stays writable. */
  const WRITABLE_ROOT = new Set(['grafana']);

  it.each(services)('%s can gain no privilege and holds no Linux capability', (_name, service) => {
    expect(service.security_opt).toEqual(['no-new-privileges:true']);
    expect(service.cap_drop).toEqual(['ALL']);
    expect(service.cap_add).toBeUndefined();
    expect(service.privileged).toBeUndefined();
    expect(service.user).toBeUndefined();
  });

  it.each(services.filter(([name]) => !WRITABLE_ROOT.has(name)))(
    '%s runs on a read-only root filesystem, writing only to its named volumes',
    (_name, service) => {
      expect(service.read_only).toBe(true);
      expect(mountsOf(service).every((mount) => !mount.bind || mount.readOnly)).toBe(true);
    },
  );
});

describe.each(Object.entries(APP_PORTS))('the %s app', (app, ports) => {
  const service = project.services[app];

  it("is built from the Dockerfile's runtime stage for this app", () => {
    expect(service.build).toEqual({ context: '.', target: 'runtime', args: { APP: app } });
    expect(existsSync(join(REPO_ROOT, 'apps', app, 'src', 'main.ts'))).toBe(true);
  });

  it("listens on its ports, publishes them, and probes the first one's /health", () => {
    const [httpPort] = ports;
    expect(Number(service.environment?.PORT)).toBe(httpPort);
    expect(containerPortsOf(service).sort()).toEqual([...ports].sort());
    expect(portsOf(service).every((port) => port.hostPort === port.containerPort)).toBe(true);
    expect(service.healthcheck?.test?.join(' ')).toContain(`http://127.0.0.1:${httpPort}/health`);
  });
});

describe('Grafana', () => {
  const grafana = project.services.grafana;

  it('takes its admin password from a required environment variable, with no default in the repository', () => {
    // Read before interpolation: the file must hold the variable, never a value.
    expect(grafana.environment?.GF_SECURITY_ADMIN_PASSWORD).toMatch(/^\$\{GRAFANA_ADMIN_PASSWORD:\?[^}]+\}$/);
    const example = readFileSync(join(REPO_ROOT, '.env.example'), 'utf8');
    expect(example).toMatch(/^GRAFANA_ADMIN_PASSWORD=$/m);
    expect(readFileSync(join(REPO_ROOT, '.gitignore'), 'utf8')).toMatch(/^\.env$/m);
  });

  it('opens on a generated dashboard', () => {
    const home = String(grafana.environment?.GF_DASHBOARDS_DEFAULT_HOME_DASHBOARD_PATH ?? '');
    const dashboards = mountsOf(grafana).find((mount) => home.startsWith(`${mount.target}/`));
    expect(dashboards?.source).toBe('./observability/grafana/dashboards');
    const mount = present(dashboards, 'the mount of the home dashboard');
    expect(existsSync(join(hostPathOf(mount), home.slice(mount.target.length)))).toBe(true);
  });
});

// Compose runs the Prometheus, Alertmanager and Collector that every rule, alert, routing and pipeline test here is
// proven on: the versions of observability/stack/versions.json, which the installed binaries must report.
describe('docker-compose.yml images', () => {
  it.each([
    ['prometheus', STACK_VERSIONS.prometheus],
    ['alertmanager', STACK_VERSIONS.alertmanager],
    ['otel-collector', STACK_VERSIONS.otelcol],
  ])('pin %s to the version the tests run (%s)', (image, version) => {
    const pinned = /:v?(\d+\.\d+\.\d+)$/.exec((project['x-images'] as Record<string, string>)[image])?.[1];
    expect(pinned).toBe(version);
  });
});
