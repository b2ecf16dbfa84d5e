import type { IncomingMessage } from 'node:http';
import { ignoreIncomingRequests } from './incoming-request-filter.js';

function request(url: string, localPort: number): IncomingMessage {
  return { url, socket: { localPort } } as unknown as IncomingMessage;
}

describe('ignoreIncomingRequests', () => {
  const ignored = ignoreIncomingRequests({ paths: ['/health'], ports: [9464] });

  it('ignores the listed paths, with or without a query', () => {
    expect(ignored(request('/health', 8080))).toBe(true);
    expect(ignored(request('/health?probe=1', 8080))).toBe(true);
  });

  it('ignores every request to the scrape port', () => {
    expect(ignored(request('/metrics', 9464))).toBe(true);
    expect(ignored(request('/anything', 9464))).toBe(true);
  });

  it('measures everything else', () => {
    expect(ignored(request('/one', 8080))).toBe(false);
    expect(ignored(request('/healthz', 8080))).toBe(false);
    expect(ignored(request('/metrics', 8080))).toBe(false);
  });
});
