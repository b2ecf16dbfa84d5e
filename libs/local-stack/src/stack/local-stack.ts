import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AlertmanagerServer } from '../alertmanager-server.js';
import { locateStackBinaries } from '../binaries.js';
import type { ManagedProcess } from '../managed-process.js';
import { PrometheusServer } from '../prometheus-server.js';
import { writeAlertmanagerConfig, writePrometheusConfig } from '@app/observability';
import { startApp, type StackApp } from './app-processes.js';
import { DEFAULT_STACK_PORTS, type StackPorts } from './stack-ports.js';

export interface LocalStackOptions {
  /** The repository root, where dist/ and observability/ are. */
  repoRoot: string;
  ports?: StackPorts;
  /** Extra environment for both apps (latencies, weights, seed, WORKERS…). */
  appEnv?: Readonly<Record<string, string>>;
  /** Prometheus scrape and evaluation interval; the committed one (5s) when unset. */
  interval?: string;
  /** How soon Prometheus re-sends a firing alert; short in tests. */
  alertResendDelay?: string;
  /** Keep the temporary folder (configs, data) after stop, to inspect it. */
  keepWorkDir?: boolean;
  log?: (line: string) => void;
}

/**
 * The whole monitoring stack on this machine, without Docker: both apps, the alert receiver and the
 * local dashboard as compiled Node processes, and the real Prometheus and Alertmanager binaries from PATH,
 * with their configs rendered from the committed files into a temporary folder that also holds their data.
 */
export class LocalStack {
  private constructor(
    readonly ports: StackPorts,
    readonly workDir: string,
    readonly processes: ReadonlyMap<StackApp, ManagedProcess>,
    readonly prometheus: PrometheusServer,
    readonly alertmanager: AlertmanagerServer,
    private readonly keepWorkDir: boolean,
  ) {}

  static async start(options: LocalStackOptions): Promise<LocalStack> {
    const binaries = locateStackBinaries('prometheus', 'alertmanager');
    const ports = options.ports ?? DEFAULT_STACK_PORTS;
    const log = options.log ?? (() => undefined);
    const workDir = mkdtempSync(join(tmpdir(), 'tasks-stack-'));
    const started: Array<{ stop(): Promise<void> }> = [];
    const processes = new Map<StackApp, ManagedProcess>();
    const url = (port: number) => `http://127.0.0.1:${port}`;

    // A fresh shared secret per run, in a file both sides read: Alertmanager sends it as a bearer token
    // (it cannot read environment variables), the receiver refuses webhooks without it.
    const webhookTokenFile = join(workDir, 'alert-receiver.token');
    writeFileSync(webhookTokenFile, randomBytes(24).toString('hex'), { mode: 0o600 });

    try {
      const apps: Array<[StackApp, Record<string, string>, number]> = [
        [
          'alert-receiver',
          { PORT: String(ports.alertReceiver), HOST: '127.0.0.1', ALERT_RECEIVER_TOKEN_FILE: webhookTokenFile },
          ports.alertReceiver,
        ],
        [
          'otel-app',
          {
            PORT: String(ports.otelApp),
            HOST: '127.0.0.1',
            METRICS_PORT: String(ports.otelMetrics),
            METRICS_HOST: '127.0.0.1',
          },
          ports.otelApp,
        ],
        ['prom-client-app', { PORT: String(ports.promClientApp), HOST: '127.0.0.1' }, ports.promClientApp],
      ];
      for (const [app, env, port] of apps) {
        log(`starting ${app} on ${url(port)}`);
        const appEnv = app === 'alert-receiver' ? env : { ...options.appEnv, ...env };
        const process = await startApp(options.repoRoot, app, appEnv, `${url(port)}/health`);
        processes.set(app, process);
        started.push(process);
      }

      log(`starting Alertmanager on ${url(ports.alertmanager)}`);
      const alertmanager = await AlertmanagerServer.start({
        binary: binaries.alertmanager,
        configFile: writeAlertmanagerConfig(workDir, {
          alertReceiverUrl: url(ports.alertReceiver),
          webhookCredentialsFile: webhookTokenFile,
        }),
        port: ports.alertmanager,
        workDir,
        ownProcessGroup: true,
      });
      started.push(alertmanager);

      log(`starting Prometheus on ${url(ports.prometheus)}`);
      const prometheusConfig = writePrometheusConfig(workDir, {
        targets: {
          'otel-app': `127.0.0.1:${ports.otelMetrics}`,
          'prom-client-app': `127.0.0.1:${ports.promClientApp}`,
          prometheus: `127.0.0.1:${ports.prometheus}`,
          alertmanager: `127.0.0.1:${ports.alertmanager}`,
          'alert-receiver': `127.0.0.1:${ports.alertReceiver}`,
        },
        alertmanager: `127.0.0.1:${ports.alertmanager}`,
        interval: options.interval,
      });
      const prometheus = await PrometheusServer.start({
        binary: binaries.prometheus,
        configFile: prometheusConfig,
        port: ports.prometheus,
        workDir,
        ownProcessGroup: true,
        alertResendDelay: options.alertResendDelay,
      });
      started.push(prometheus);

      // Debian's Prometheus 3 has no web UI and Grafana is not installed here: this page draws the
      // dashboard's panels instead, from this Prometheus.
      log(`starting local-dashboard on ${url(ports.dashboard)}`);
      const dashboard = await startApp(
        options.repoRoot,
        'local-dashboard',
        { PORT: String(ports.dashboard), HOST: '127.0.0.1', PROMETHEUS_URL: prometheus.url },
        `${url(ports.dashboard)}/health`,
      );
      processes.set('local-dashboard', dashboard);
      started.push(dashboard);
      return new LocalStack(ports, workDir, processes, prometheus, alertmanager, options.keepWorkDir ?? false);
    } catch (error) {
      await Promise.all(started.map((component) => component.stop()));
      if (!options.keepWorkDir) rmSync(workDir, { recursive: true, force: true });
      throw error;
    }
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
      prometheus: this.prometheus.url,
      alertmanager: this.alertmanager.url,
      dashboard: url(this.ports.dashboard),
    };
  }

  /** Stops everything, Prometheus first (so it sends no alerts about the others going away). */
  async stop(): Promise<void> {
    await this.prometheus.stop();
    await this.alertmanager.stop();
    await Promise.all([...this.processes.values()].map((process) => process.stop()));
    if (!this.keepWorkDir) rmSync(this.workDir, { recursive: true, force: true });
  }
}
