import { httpMethodLabel, OTHER_HTTP_METHOD } from './http-semantics.js';

describe('the method label', () => {
  it.each(['GET', 'HEAD', 'POST', 'PUT', 'DELETE', 'CONNECT', 'OPTIONS', 'TRACE', 'PATCH', 'QUERY'])(
    'keeps %s, a method the semantic conventions name',
    (method) => {
      expect(httpMethodLabel(method)).toBe(method);
    },
  );

  it.each(['PROPFIND', 'MKCOL', 'SEARCH', 'BREW', 'M-SEARCH'])('records %s as _OTHER: a bounded label', (method) => {
    expect(httpMethodLabel(method)).toBe(OTHER_HTTP_METHOD);
  });

  it('upper-cases as the conventions do, and says GET for no method at all', () => {
    expect(httpMethodLabel('get')).toBe('GET');
    expect(httpMethodLabel(undefined)).toBe('GET');
  });
});
