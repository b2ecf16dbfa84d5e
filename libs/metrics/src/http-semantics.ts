/**
 * The request methods the HTTP semantic conventions name, as instrumentation-http keeps them; any other (PROPFIND,
 * MKCOL, a client's invention) is recorded as {@link OTHER_HTTP_METHOD}, so that the method label stays bounded
 * whatever Node's parser accepts.
 */
export const KNOWN_HTTP_METHODS: ReadonlySet<string> = new Set([
  'GET',
  'HEAD',
  'POST',
  'PUT',
  'DELETE',
  'CONNECT',
  'OPTIONS',
  'TRACE',
  'PATCH',
  'QUERY',
]);

export const OTHER_HTTP_METHOD = '_OTHER';

/** The method label of a request (`http.request.method`), on both paths. */
export function httpMethodLabel(method: string | undefined): string {
  // No method cannot come from Node's parser; instrumentation-http says GET for it, and so does this.
  if (method === undefined) return 'GET';
  const upper = method.toUpperCase();
  return KNOWN_HTTP_METHODS.has(upper) ? upper : OTHER_HTTP_METHOD;
}
