import type { IncomingMessage } from 'node:http';

/** The request's query string, parsed as sent: URLSearchParams keeps repeated names, which the validators refuse. */
export function searchOf(request: IncomingMessage): URLSearchParams {
  return new URL(request.url ?? '/', 'http://local-dashboard').searchParams;
}
