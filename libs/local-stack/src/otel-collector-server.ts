import { ManagedProcess } from './managed-process.js';
import { waitForHttpOk } from './wait-for.js';

export interface OtelCollectorServerOptions {
  binary: string;
  /** Merged in order, as `--config=` flags. */
  configFiles: readonly string[];
  /** The addresses the files read (`${env:NAME}`). */
  env: Readonly<Record<string, string>>;
  /** `http://host:port/` of its health check, which answers 200 once every pipeline runs. */
  healthUrl: string;
  /** See {@link ManagedProcessOptions.ownProcessGroup}. */
  ownProcessGroup?: boolean;
}

/** A real OpenTelemetry Collector (otelcol-nest, built from observability/otel-collector/builder-config.yaml). */
export class OtelCollectorServer {
  private constructor(readonly process: ManagedProcess) {}

  static async start(options: OtelCollectorServerOptions): Promise<OtelCollectorServer> {
    const process = new ManagedProcess({
      name: 'otel-collector',
      ownProcessGroup: options.ownProcessGroup,
      command: options.binary,
      args: options.configFiles.map((file) => `--config=${file}`),
      env: options.env,
    });
    await process.whenReady(() => waitForHttpOk(options.healthUrl, 30_000));
    return new OtelCollectorServer(process);
  }

  stop(): Promise<void> {
    return this.process.stop();
  }
}
