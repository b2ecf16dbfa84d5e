import type { IncomingMessage, ServerResponse } from 'node:http';

/**
 * Sent with every answer. The page loads its script, styles and uPlot from this app only and talks to
 * this app only (Prometheus through the proxy), so the policy allows nothing but 'self': no inline
 * script or style, no other origin, no framing. uPlot styles its elements through the CSSOM
 * (`element.style`), which a style-src policy does not block.
 */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; '),
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
};

/** Express middleware, placed before every route so that errors and 404s carry the headers too. */
export function securityHeaders(_request: IncomingMessage, response: ServerResponse, next: () => void): void {
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) response.setHeader(name, value);
  next();
}
