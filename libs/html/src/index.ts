export { escapeHtml, isWebUrl } from './html-escape.js';
export { BASELINE_SECURITY_HEADERS, contentSecurityPolicy, securityHeaders } from './security-headers.js';
