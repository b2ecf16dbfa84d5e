import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { ManagedProcess } from './managed-process.js';
import { PrometheusApi } from './prometheus-api.js';
import { waitForHttpOk } from './wait-for.js';

export interface PrometheusServerOptions {
  binary: string;
  configFile: string;
  port: number;
  /** Data lives here (a temporary folder), never in the repo. */
  workDir: string;
  /** See {@link ManagedProcessOptions.ownProcessGroup}. */
  ownProcessGroup?: boolean;
  /** How soon a firing alert is sent again; short in tests so that end-to-end checks are quick. */
  alertResendDelay?: string;
}

/** A real Prometheus process on 127.0.0.1 (the binary that observability/stack/install.sh builds). */
export class PrometheusServer {
  readonly url: string;
  readonly api: PrometheusApi;

  private constructor(
    readonly process: ManagedProcess,
    port: number,
  ) {
    this.url = `http://127.0.0.1:${port}`;
    this.api = new PrometheusApi(this.url);
  }

  static async start(options: PrometheusServerOptions): Promise<PrometheusServer> {
    const dataDir = join(options.workDir, 'prometheus-data');
    mkdirSync(dataDir, { recursive: true });
    const process = new ManagedProcess({
      name: 'prometheus',
      ownProcessGroup: options.ownProcessGroup,
      command: options.binary,
      args: [
        `--config.file=${options.configFile}`,
        `--storage.tsdb.path=${dataDir}`,
        `--web.listen-address=127.0.0.1:${options.port}`,
        '--web.enable-lifecycle',
        // Its links (alerts sent to Alertmanager, the UI's own) name the address it is reached at.
        `--web.external-url=http://127.0.0.1:${options.port}`,
        // Deliveries `collector` (remote write) and `otlp` (OTLP push) through the OpenTelemetry Collector.
        '--web.enable-remote-write-receiver',
        '--web.enable-otlp-receiver',
        `--rules.alert.resend-delay=${options.alertResendDelay ?? '1m'}`,
      ],
    });
    const server = new PrometheusServer(process, options.port);
    await process.whenReady(() => waitForHttpOk(`${server.url}/-/ready`, 30_000));
    return server;
  }

  stop(): Promise<void> {
    return this.process.stop();
  }
}
