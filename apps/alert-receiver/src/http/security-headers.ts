import { contentSecurityPolicy, securityHeaders } from '@app/html';

/**
 * The receiver's page has no script at all and inline styles only: even an unescaped value could not run
 * anything. Its JSON answers need nothing either.
 */
export const RECEIVER_CONTENT_SECURITY_POLICY = contentSecurityPolicy([
  "default-src 'none'",
  "style-src 'unsafe-inline'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
]);

/** Sent with every answer of the receiver: the page, the webhook's, the errors. */
export const receiverSecurityHeaders = securityHeaders(RECEIVER_CONTENT_SECURITY_POLICY);
