import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { AlertmanagerApi } from './alertmanager-api.js';
import { ManagedProcess } from './managed-process.js';
import { waitForHttpOk } from './wait-for.js';

export interface AlertmanagerServerOptions {
  binary: string;
  configFile: string;
  port: number;
  workDir: string;
  /** See {@link ManagedProcessOptions.ownProcessGroup}. */
  ownProcessGroup?: boolean;
}

/** A real Alertmanager process on 127.0.0.1, clustering off (a single local instance). */
export class AlertmanagerServer {
  readonly url: string;
  readonly api: AlertmanagerApi;

  private constructor(
    readonly process: ManagedProcess,
    port: number,
  ) {
    this.url = `http://127.0.0.1:${port}`;
    this.api = new AlertmanagerApi(this.url);
  }

  static async start(options: AlertmanagerServerOptions): Promise<AlertmanagerServer> {
    const dataDir = join(options.workDir, 'alertmanager-data');
    mkdirSync(dataDir, { recursive: true });
    const process = new ManagedProcess({
      name: 'alertmanager',
      ownProcessGroup: options.ownProcessGroup,
      command: options.binary,
      args: [
        `--config.file=${options.configFile}`,
        `--storage.path=${dataDir}`,
        `--web.listen-address=127.0.0.1:${options.port}`,
        // The links of its UI and of its notifications name the address it is reached at.
        `--web.external-url=http://127.0.0.1:${options.port}`,
        // Empty: no gossip port, no peers. A lone local instance needs no cluster.
        '--cluster.listen-address=',
      ],
    });
    const server = new AlertmanagerServer(process, options.port);
    await process.whenReady(() => waitForHttpOk(`${server.url}/-/ready`, 30_000));
    return server;
  }

  stop(): Promise<void> {
    return this.process.stop();
  }
}
