import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AlertmanagerServer } from '../alertmanager-server.js';
import { locateStackBinaries } from '../binaries.js';
import type { ManagedProcess } from '../managed-process.js';
import { OtelCollectorServer } from '../otel-collector-server.js';
import { PrometheusServer } from '../prometheus-server.js';
import {
  DEFAULT_OTEL_DELIVERY,
  durationMs,
  loadPrometheusConfig,
  otelCollectorConfigFiles,
  otelCollectorEnvironment,
  writeAlertmanagerConfig,
  writePrometheusConfig,
  writeRuleFilesWithForAtMost,
  type OtelDelivery,
} from '@app/observability';
import { startApp, type StackApp } from './app-processes.js';
import { DEFAULT_STACK_PORTS, type StackPorts } from './stack-ports.js';
import { CrashHistory, DEFAULT_RESTART_POLICY, type RestartPolicy } from '@app/worker-cluster';

export interface LocalStackOptions {
  /** The repository root, where dist/ and observability/ are. */
  repoRoot: string;
  ports?: StackPorts;
  /** How the OpenTelemetry app's metrics reach Prometheus; {@link DEFAULT_OTEL_DELIVERY} when unset. */
  delivery?: OtelDelivery;
  /** Extra environment for both apps (latencies, weights, seed, WORKERS…). */
  appEnv?: Readonly<Record<string, string>>;
  /** Prometheus scrape and evaluation interval; the committed one (5s) when unset. */
  interval?: string;
  /** How soon Prometheus re-sends a firing alert; short in tests. */
  alertResendDelay?: string;
  /**
   * Tests only: every alert's `for:` cut to this when longer, so that an alert goes through the pipeline in seconds.
   * The committed durations are the promtool tests' to prove; the committed rules are loaded as they are otherwise.
   */
  alertForAtMost?: string;
  /**
   * Tests only: how long the Collector's exporters retry before they drop points (the committed 5 minutes otherwise),
   * so that a drop shows in seconds.
   */
  collectorRetryAtMost?: string;
  /** Keep the temporary folder (configs, data) after stop, to inspect it. */
  keepWorkDir?: boolean;
  log?: (line: string) => void;
}

/** The processes of the stack that are not its apps. */
const MONITORING_COMPONENTS = ['prometheus', 'alertmanager', 'otel-collector'] as const;

/** Every process of the stack, by name: the apps, Prometheus, Alertmanager and the OpenTelemetry Collector. */
export type StackComponent = StackApp | (typeof MONITORING_COMPONENTS)[number];

const isMonitoringComponent = (component: StackComponent): component is (typeof MONITORING_COMPONENTS)[number] =>
  (MONITORING_COMPONENTS as readonly string[]).includes(component);

/** A started component: its process, and how to stop it. */
interface RunningComponent {
  readonly process: ManagedProcess;
  stop(): Promise<void>;
}

/** What {@link LocalStack.keepRunning} says as it restarts a component that died, or gives up on it. */
export interface KeepRunningOptions {
  readonly policy?: Partial<RestartPolicy>;
  readonly log: (line: string) => void;
  /** Called when a component keeps dying: the stack is then left as it is, for the caller to stop. */
  readonly onGiveUp: (component: StackComponent) => void;
}

/**
 * The whole monitoring stack on this machine, without Docker: both apps, the alert receiver and the
 * local dashboard as compiled Node processes, and the real Prometheus and Alertmanager binaries from PATH,
 * with their configs rendered from the committed files into a temporary folder that also holds their data.
 * Each component can be stopped and started again (same ports, configuration and data), as faults do.
 */
export class LocalStack {
  private readonly running = new Map<StackComponent, RunningComponent>();
  private keepAlive:
    { readonly options: KeepRunningOptions; readonly crashes: Map<StackComponent, CrashHistory> } | undefined;
  private stopping = false;

  private constructor(
    readonly ports: StackPorts,
    readonly delivery: OtelDelivery,
    readonly workDir: string,
    private readonly starters: ReadonlyMap<StackComponent, () => Promise<RunningComponent>>,
    private prometheusServer: PrometheusServer,
    private alertmanagerServer: AlertmanagerServer,
    private readonly keepWorkDir: boolean,
  ) {}

  static async start(options: LocalStackOptions): Promise<LocalStack> {
    const delivery = options.delivery ?? DEFAULT_OTEL_DELIVERY;
    // The Collector's files when the delivery goes through it; none on `scrape`.
    const collectorFiles = delivery === 'scrape' ? undefined : otelCollectorConfigFiles(delivery);
    const viaCollector = collectorFiles !== undefined;
    const binaries = viaCollector
      ? locateStackBinaries('prometheus', 'alertmanager', 'otelcol')
      : { ...locateStackBinaries('prometheus', 'alertmanager'), otelcol: undefined };
    const ports = options.ports ?? DEFAULT_STACK_PORTS;
    const interval = options.interval ?? loadPrometheusConfig().global.scrape_interval;
    const log = options.log ?? (() => undefined);
    const workDir = mkdtempSync(join(tmpdir(), 'tasks-stack-'));
    const url = (port: number) => `http://127.0.0.1:${port}`;

    // A fresh shared secret per run, in a file both sides read: Alertmanager sends it as a bearer token
    // (it cannot read environment variables), the receiver refuses webhooks without it.
    const webhookTokenFile = join(workDir, 'alert-receiver.token');
    writeFileSync(webhookTokenFile, randomBytes(24).toString('hex'), { mode: 0o600 });

    const app = (name: StackApp, env: Record<string, string>, port: number) => async () => {
      log(`starting ${name} on ${url(port)}`);
      const appEnv = name === 'alert-receiver' || name === 'local-dashboard' ? env : { ...options.appEnv, ...env };
      const process = await startApp(options.repoRoot, name, appEnv, `${url(port)}/health`);
      return { process, stop: () => process.stop() };
    };
    const alertmanagerConfig = writeAlertmanagerConfig(workDir, {
      alertReceiverUrl: url(ports.alertReceiver),
      webhookCredentialsFile: webhookTokenFile,
    });
    const prometheusConfig = writePrometheusConfig(workDir, {
      targets: {
        // Prometheus scrapes the app itself on `scrape` only; through the Collector, it scrapes the Collector.
        'tasks-otel': viaCollector ? null : `127.0.0.1:${ports.otelMetrics}`,
        'otel-collector': viaCollector ? `127.0.0.1:${ports.otelCollectorTelemetry}` : null,
        'prom-client-app': `127.0.0.1:${ports.promClientApp}`,
        prometheus: `127.0.0.1:${ports.prometheus}`,
        alertmanager: `127.0.0.1:${ports.alertmanager}`,
        'alert-receiver': `127.0.0.1:${ports.alertReceiver}`,
      },
      alertmanager: `127.0.0.1:${ports.alertmanager}`,
      interval,
      ruleFiles:
        options.alertForAtMost === undefined
          ? undefined
          : writeRuleFilesWithForAtMost(mkdirOf(join(workDir, 'rules')), options.alertForAtMost),
    });
    let alertmanager: AlertmanagerServer | undefined;
    let prometheus: PrometheusServer | undefined;
    // In start order: what each needs is up before it. Restarted with the same ports, configuration and data.
    const starters = new Map<StackComponent, () => Promise<RunningComponent>>([
      [
        'alert-receiver',
        app(
          'alert-receiver',
          { PORT: String(ports.alertReceiver), HOST: '127.0.0.1', ALERT_RECEIVER_TOKEN_FILE: webhookTokenFile },
          ports.alertReceiver,
        ),
      ],
      [
        'otel-app',
        app(
          'otel-app',
          {
            PORT: String(ports.otelApp),
            HOST: '127.0.0.1',
            ...(delivery === 'otlp'
              ? otlpPushEnvironment(`127.0.0.1:${ports.otelCollectorOtlp}`, interval)
              : { METRICS_PORT: String(ports.otelMetrics), METRICS_HOST: '127.0.0.1' }),
          },
          ports.otelApp,
        ),
      ],
      [
        'prom-client-app',
        app('prom-client-app', { PORT: String(ports.promClientApp), HOST: '127.0.0.1' }, ports.promClientApp),
      ],
      [
        'alertmanager',
        async () => {
          log(`starting Alertmanager on ${url(ports.alertmanager)}`);
          alertmanager = await AlertmanagerServer.start({
            binary: binaries.alertmanager,
            configFile: alertmanagerConfig,
            port: ports.alertmanager,
            workDir,
            ownProcessGroup: true,
          });
          return alertmanager;
        },
      ],
      [
        'prometheus',
        async () => {
          log(`starting Prometheus on ${url(ports.prometheus)}`);
          prometheus = await PrometheusServer.start({
            binary: binaries.prometheus,
            configFile: prometheusConfig,
            port: ports.prometheus,
            workDir,
            ownProcessGroup: true,
            alertResendDelay: options.alertResendDelay,
          });
          return prometheus;
        },
      ],
      ...(collectorFiles === undefined
        ? []
        : ([
            [
              'otel-collector',
              async () => {
                log(`starting the OpenTelemetry Collector (delivery ${delivery})`);
                return OtelCollectorServer.start({
                  binary: present(binaries.otelcol, 'otelcol-nest'),
                  configFiles: collectorFiles,
                  env: otelCollectorEnvironment({
                    prometheusUrl: url(ports.prometheus),
                    appMetricsTarget: `127.0.0.1:${ports.otelMetrics}`,
                    otlpHttpEndpoint: `127.0.0.1:${ports.otelCollectorOtlp}`,
                    healthEndpoint: `127.0.0.1:${ports.otelCollectorHealth}`,
                    telemetry: { host: '127.0.0.1', port: ports.otelCollectorTelemetry },
                    scrapeInterval: interval,
                    retryMaxElapsedTime: options.collectorRetryAtMost,
                  }),
                  healthUrl: `${url(ports.otelCollectorHealth)}/`,
                  ownProcessGroup: true,
                });
              },
            ],
          ] as const)),
      // Grafana runs in compose only: this page draws the dashboard's panels, from this Prometheus.
      [
        'local-dashboard',
        app(
          'local-dashboard',
          { PORT: String(ports.dashboard), HOST: '127.0.0.1', PROMETHEUS_URL: url(ports.prometheus) },
          ports.dashboard,
        ),
      ],
    ]);

    const started: RunningComponent[] = [];
    try {
      const running = new Map<StackComponent, RunningComponent>();
      for (const [component, start] of starters) {
        const instance = await start();
        started.push(instance);
        running.set(component, instance);
      }
      const stack = new LocalStack(
        ports,
        delivery,
        workDir,
        starters,
        present(prometheus),
        present(alertmanager),
        options.keepWorkDir ?? false,
      );
      for (const [component, instance] of running) stack.adopt(component, instance);
      return stack;
    } catch (error) {
      await Promise.all(started.map((component) => component.stop()));
      if (!options.keepWorkDir) rmSync(workDir, { recursive: true, force: true });
      throw error;
    }
  }

  /** The stack's Prometheus: the one running now, or the last one while it is stopped (its API fails then). */
  get prometheus(): PrometheusServer {
    return this.prometheusServer;
  }

  get alertmanager(): AlertmanagerServer {
    return this.alertmanagerServer;
  }

  /** The apps' processes running now. */
  get processes(): ReadonlyMap<StackApp, ManagedProcess> {
    const apps = new Map<StackApp, ManagedProcess>();
    for (const [component, { process }] of this.running) {
      if (!isMonitoringComponent(component)) apps.set(component, process);
    }
    return apps;
  }

  /** Base URLs of every component. */
  get urls() {
    const url = (port: number) => `http://127.0.0.1:${port}`;
    return {
      otelApp: url(this.ports.otelApp),
      otelMetrics: `${url(this.ports.otelMetrics)}/metrics`,
      promClientApp: url(this.ports.promClientApp),
      promClientMetrics: `${url(this.ports.promClientApp)}/metrics`,
      alertReceiver: url(this.ports.alertReceiver),
      prometheus: url(this.ports.prometheus),
      alertmanager: url(this.ports.alertmanager),
      dashboard: url(this.ports.dashboard),
      otelCollectorMetrics: `${url(this.ports.otelCollectorTelemetry)}/metrics`,
    };
  }

  /** Stops one component on purpose (SIGTERM): it is not restarted, even by {@link keepRunning}. */
  async stopComponent(component: StackComponent): Promise<void> {
    const running = this.running.get(component);
    this.running.delete(component);
    await running?.stop();
  }

  /** Starts a stopped component again, on its ports, with its configuration and its data. */
  async startComponent(component: StackComponent): Promise<void> {
    if (this.running.has(component)) throw new Error(`${component} is running already`);
    const start = present(this.starters.get(component), `a way to start ${component}`);
    const running = await start();
    if (component === 'prometheus') this.prometheusServer = running as PrometheusServer;
    if (component === 'alertmanager') this.alertmanagerServer = running as AlertmanagerServer;
    this.adopt(component, running);
  }

  /**
   * From now on, restarts a component that dies by itself (a crash, a kill), saying so, with the backoff of the
   * cluster's restart policy; gives up on one that keeps dying (`onGiveUp`). What {@link stopComponent} stops stays
   * stopped.
   */
  keepRunning(options: KeepRunningOptions): void {
    this.keepAlive = { options, crashes: new Map() };
  }

  /** Stops everything, Prometheus first (so it sends no alerts about the others going away). */
  async stop(): Promise<void> {
    this.stopping = true;
    await this.stopComponent('prometheus');
    await this.stopComponent('alertmanager');
    await Promise.all([...this.running.keys()].map((component) => this.stopComponent(component)));
    if (!this.keepWorkDir) rmSync(this.workDir, { recursive: true, force: true });
  }

  private adopt(component: StackComponent, running: RunningComponent): void {
    this.running.set(component, running);
    void running.process.waitForExit().then((code) => this.onExit(component, running, code));
  }

  private onExit(component: StackComponent, exited: RunningComponent, code: number | null): void {
    // Stopped on purpose (stopComponent, stop): nothing to do.
    if (this.stopping || this.running.get(component) !== exited) return;
    this.running.delete(component);
    const keepAlive = this.keepAlive;
    if (!keepAlive) return;
    const { log, onGiveUp, policy } = keepAlive.options;
    let crashes = keepAlive.crashes.get(component);
    if (!crashes) {
      crashes = new CrashHistory({ ...DEFAULT_RESTART_POLICY, ...policy });
      keepAlive.crashes.set(component, crashes);
    }
    const decision = crashes.recordCrash(Date.now());
    const lastOutput = exited.process.logs
      .trim()
      .split('\n')
      .slice(-3)
      .map((line) => line.slice(0, 200))
      .join(' | ');
    const how = `${code === null ? 'was killed' : `exited with code ${code}`}${lastOutput ? ` (last output: ${lastOutput})` : ''}`;
    if (decision.action === 'give-up') {
      log(`${component} ${how}, ${decision.recentCrashes} times recently: giving up on it`);
      onGiveUp(component);
      return;
    }
    log(`${component} ${how}: restarting it in ${decision.delayMs} ms`);
    setTimeout(() => {
      if (this.stopping || this.running.has(component)) return;
      this.startComponent(component).then(
        () => log(`${component} restarted`),
        (error: unknown) => {
          log(`${component} did not restart: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
          onGiveUp(component);
        },
      );
    }, decision.delayMs).unref();
  }
}

/**
 * The standard OTEL_* variables that make the OpenTelemetry app push its metrics as OTLP to the Collector, at the
 * scrape interval of the other deliveries (so that every delivery has the same resolution), cumulative (the only
 * temporality Prometheus stores).
 */
function otlpPushEnvironment(collectorOtlp: string, interval: string): Record<string, string> {
  const intervalMs = durationMs(interval);
  return {
    OTEL_METRICS_EXPORTER: 'otlp',
    OTEL_EXPORTER_OTLP_METRICS_PROTOCOL: 'http/protobuf',
    OTEL_EXPORTER_OTLP_METRICS_ENDPOINT: `http://${collectorOtlp}/v1/metrics`,
    OTEL_METRIC_EXPORT_INTERVAL: String(intervalMs),
    OTEL_METRIC_EXPORT_TIMEOUT: String(Math.max(500, intervalMs - 200)),
    OTEL_EXPORTER_OTLP_METRICS_TEMPORALITY_PREFERENCE: 'cumulative',
  };
}

function mkdirOf(directory: string): string {
  mkdirSync(directory, { recursive: true });
  return directory;
}

function present<T>(value: T | undefined, what = 'a started component'): T {
  if (value === undefined) throw new Error(`missing ${what}`);
  return value;
}
