import type { IncomingMessage, ServerResponse } from 'node:http';

/**
 * What every answer of an app that serves a page carries, whatever its own Content-Security-Policy: no MIME
 * sniffing, no framing (old browsers read X-Frame-Options, new ones the policy's frame-ancestors), no referrer
 * sent on, and no other origin sharing the window or embedding the answers.
 */
export const BASELINE_SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
};

/** A policy from its directives, as browsers read it. */
export function contentSecurityPolicy(directives: readonly string[]): string {
  return directives.join('; ');
}

/**
 * Express middleware that sets the baseline headers and `policy` on every answer. Mount it before every route,
 * so that errors and 404s carry them too.
 */
export function securityHeaders(policy: string) {
  const headers = Object.entries({ ...BASELINE_SECURITY_HEADERS, 'Content-Security-Policy': policy });
  return (_request: IncomingMessage, response: ServerResponse, next: () => void): void => {
    for (const [name, value] of headers) response.setHeader(name, value);
    next();
  };
}
