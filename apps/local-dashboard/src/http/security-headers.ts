import { contentSecurityPolicy, securityHeaders } from '@app/html';

/**
 * The page loads its script, styles and uPlot from this app only and talks to this app only (Prometheus through
 * the proxy), so the policy allows nothing but 'self': no inline script or style, no other origin, no framing.
 * uPlot styles its elements through the CSSOM (`element.style`), which a style-src policy does not block.
 */
export const DASHBOARD_CONTENT_SECURITY_POLICY = contentSecurityPolicy([
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
]);

/** Sent with every answer of the dashboard. */
export const dashboardSecurityHeaders = securityHeaders(DASHBOARD_CONTENT_SECURITY_POLICY);
