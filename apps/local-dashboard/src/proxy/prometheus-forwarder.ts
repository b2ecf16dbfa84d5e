import { BadGatewayException, GatewayTimeoutException, Inject, Injectable } from '@nestjs/common';
import { LOCAL_DASHBOARD_CONFIG, type LocalDashboardConfig } from '../local-dashboard.config.js';

/** The read-only paths of Prometheus' HTTP API that the page needs, and the only ones forwarded. */
export type ForwardedPath = '/api/v1/query' | '/api/v1/query_range';

/** Prometheus' answer, passed on as it came: its status and its JSON body. */
export interface ForwardedAnswer {
  readonly status: number;
  readonly body: string;
}

/** An answer above this is refused: the page's queries return kilobytes, and the proxy holds an answer in memory. */
export const MAX_ANSWER_BYTES = 16 * 1024 * 1024;

/**
 * Sends one validated query to the configured Prometheus and returns its answer. Prometheus' own
 * errors (400 bad_data, 422 execution, 503 timeout) go back to the page with their JSON body, which says
 * what went wrong; failing to reach Prometheus at all is a 502, and taking too long a 504, both JSON.
 */
@Injectable()
export class PrometheusForwarder {
  constructor(@Inject(LOCAL_DASHBOARD_CONFIG) private readonly config: LocalDashboardConfig) {}

  async get(path: ForwardedPath, parameters: Readonly<Record<string, string>>): Promise<ForwardedAnswer> {
    // Prometheus stops evaluating at its own timeout too, rather than working on for an answer nobody awaits.
    // A plain number of seconds: Prometheus' duration syntax has no fractions ("0.5s" is refused).
    const search = new URLSearchParams({ ...parameters, timeout: String(this.config.prometheusTimeoutMs / 1000) });
    const url = `${this.config.prometheusUrl}${path}?${search.toString()}`;
    let response: Response;
    try {
      response = await fetch(url, {
        headers: { accept: 'application/json' },
        redirect: 'error',
        signal: AbortSignal.timeout(this.config.prometheusTimeoutMs),
      });
    } catch (error) {
      throw this.unreachable(error);
    }
    const contentType = response.headers.get('content-type') ?? '';
    if (!contentType.startsWith('application/json')) {
      await response.body?.cancel();
      throw new BadGatewayException({
        statusCode: 502,
        error: 'Bad Gateway',
        message: `Prometheus at ${this.config.prometheusUrl} answered ${response.status} with ${contentType || 'no content type'}, not JSON`,
      });
    }
    try {
      return { status: response.status, body: await readBounded(response, MAX_ANSWER_BYTES) };
    } catch (error) {
      if (!(error instanceof AnswerTooLargeError)) throw this.unreachable(error);
      throw new BadGatewayException({
        statusCode: 502,
        error: 'Bad Gateway',
        message: `Prometheus at ${this.config.prometheusUrl} answered more than ${MAX_ANSWER_BYTES} bytes: narrow the query`,
      });
    }
  }

  private unreachable(error: unknown): Error {
    const reason = error instanceof Error ? (error.cause instanceof Error ? error.cause.message : error.message) : '';
    if (error instanceof Error && error.name === 'TimeoutError') {
      return new GatewayTimeoutException({
        statusCode: 504,
        error: 'Gateway Timeout',
        message: `Prometheus at ${this.config.prometheusUrl} did not answer within ${this.config.prometheusTimeoutMs} ms`,
      });
    }
    return new BadGatewayException({
      statusCode: 502,
      error: 'Bad Gateway',
      message: `Prometheus at ${this.config.prometheusUrl} cannot be reached: ${reason}`,
    });
  }
}

class AnswerTooLargeError extends Error {}

/**
 * The body as text, failing as soon as it grows past `maxBytes` rather than after reading it all
 * (leaving the loop early cancels the rest of the stream).
 */
async function readBounded(response: Response, maxBytes: number): Promise<string> {
  if (response.body === null) return '';
  const chunks: Uint8Array[] = [];
  let size = 0;
  // Typed ReadableStream<any> by undici; a fetch body's chunks are bytes (Uint8Array), as the Fetch standard says.
  for await (const chunk of response.body as ReadableStream<Uint8Array>) {
    size += chunk.byteLength;
    if (size > maxBytes) throw new AnswerTooLargeError();
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}
