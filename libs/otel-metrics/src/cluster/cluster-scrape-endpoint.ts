import { clusterWorkerUpExposition, type PrimaryContext, type PrimaryService } from '@app/worker-cluster';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { TelemetryConfig } from '../telemetry.config.js';
import { WORKER_EXPOSITION_TIMEOUT_MS, WORKER_EXPOSITION_TOPIC } from './exposition.topics.js';
import { mergeExpositions } from './merge-expositions.js';

/** The classic text format, as the exporter writes it. */
const CONTENT_TYPE = 'text/plain; version=0.0.4; charset=utf-8';

/**
 * The cluster's one scrape endpoint (`METRICS_HOST:METRICS_PORT` + `/metrics`), served by the primary:
 * N workers cannot each listen on it. A scrape asks every live worker for its exposition and merges
 * them; each worker's series carry its own `service_instance_id`, so Prometheus sees every worker
 * apart, and every request once. A worker that does not answer in time is left out of that scrape
 * only (its series resume at the next one, with no reset), and `cluster_worker_up` says which; with no worker
 * answering, the scrape fails.
 */
export class ClusterScrapeEndpoint implements PrimaryService {
  private constructor(
    private readonly server: Server,
    private readonly primary: PrimaryContext,
  ) {}

  /** Listens; rejects when it cannot (port taken, bad host), so that the app does not start without metrics. */
  static async start(
    primary: PrimaryContext,
    prometheus: NonNullable<TelemetryConfig['prometheus']>,
  ): Promise<ClusterScrapeEndpoint> {
    const server = createServer();
    const endpoint = new ClusterScrapeEndpoint(server, primary);
    server.on('request', (request: IncomingMessage, response: ServerResponse) => {
      void endpoint.handle(request, response, prometheus.endpoint);
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen({ port: prometheus.port, host: prometheus.host }, () => {
        server.off('error', reject);
        resolve();
      });
    });
    primary.logger.log(`serving the workers' metrics on ${prometheus.host}:${prometheus.port}${prometheus.endpoint}`);
    return endpoint;
  }

  close(): Promise<void> {
    return new Promise((resolve) => {
      this.server.close(() => resolve());
      this.server.closeAllConnections();
    });
  }

  private async handle(request: IncomingMessage, response: ServerResponse, path: string): Promise<void> {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.writeHead(405, { allow: 'GET, HEAD' }).end();
      return;
    }
    if (pathOf(request) !== path) {
      response.writeHead(404).end();
      return;
    }
    const replies = await this.primary.ipc.askAll(WORKER_EXPOSITION_TOPIC, undefined, WORKER_EXPOSITION_TIMEOUT_MS);
    const expositions: string[] = [];
    const answered = new Map<number, boolean>();
    for (const reply of replies) {
      answered.set(reply.workerId, reply.ok);
      if (reply.ok) expositions.push(reply.value);
      else this.primary.logger.warn(`left out of this scrape: ${reply.error.message}`);
    }
    if (expositions.length === 0) {
      response.writeHead(503, { 'content-type': 'text/plain' }).end('no worker answered\n');
      return;
    }
    const merged = mergeExpositions([...expositions, clusterWorkerUpExposition(answered)]);
    response.writeHead(200, { 'content-type': CONTENT_TYPE }).end(merged);
  }
}

/** The request's path, without its query; undefined when the request target cannot be parsed. */
function pathOf(request: IncomingMessage): string | undefined {
  try {
    return new URL(request.url ?? '/', 'http://scrape').pathname;
  } catch {
    return undefined;
  }
}
