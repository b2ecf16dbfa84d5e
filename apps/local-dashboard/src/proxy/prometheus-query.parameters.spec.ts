import { HttpException } from '@nestjs/common';
import { parseInstantQuery, parseRangeQuery, PROXY_LIMITS } from './prometheus-query.parameters.js';

function refusal(parse: (search: URLSearchParams) => unknown, query: string): Record<string, unknown> {
  try {
    parse(new URLSearchParams(query));
  } catch (error) {
    if (!(error instanceof HttpException)) throw error;
    expect(error.getStatus()).toBe(400);
    return error.getResponse() as Record<string, unknown>;
  }
  throw new Error(`expected ${query} to be refused`);
}

const range = (parameters: Record<string, string>) =>
  new URLSearchParams({ query: 'up', start: '1700000000', end: '1700001800', step: '6', ...parameters }).toString();

describe('parseRangeQuery', () => {
  it('reads the query, the window and the step', () => {
    expect(
      parseRangeQuery(new URLSearchParams(range({ start: '1700000000.5', step: '0.25', end: '1700000010' }))),
    ).toEqual({ query: 'up', start: 1_700_000_000.5, end: 1_700_000_010, step: 0.25 });
  });

  it.each([
    ['a missing query', 'start=1&end=2&step=1', 'query', 'query is required'],
    ['an empty query', range({ query: '  ' }), 'query', 'query is required'],
    ['a query too long', range({ query: 'x'.repeat(PROXY_LIMITS.maxQueryLength + 1) }), 'query', 'at most 4096'],
    ['a missing start', 'query=up&end=2&step=1', 'start', 'start is required'],
    ['an RFC 3339 time', range({ end: '2026-01-01T00:00:00Z' }), 'end', 'must be a Unix time'],
    ['an exponent', range({ start: '1e9' }), 'start', 'must be a Unix time'],
    ['a negative time', range({ start: '-5' }), 'start', 'must be a Unix time'],
    ['an end before the start', range({ end: '1699999999' }), 'end', 'must not be before start'],
    ['a range beyond the bound', range({ start: '1000000000', step: '3600' }), 'start', 'at most 604800 s'],
    ['a step of zero', range({ step: '0' }), 'step', 'above 0'],
    ['a duration as step', range({ step: '15s' }), 'step', 'must be a number of seconds'],
    ['too many points', range({ step: '0.5' }), 'step', 'at most 2000 points'],
    ['a repeated parameter', `${range({})}&step=7`, 'step', 'must be given once'],
    ['an unknown parameter', `${range({})}&timeout=1h`, 'timeout', 'is not a known query parameter'],
  ])('refuses %s, naming the parameter', (_what, query, parameter, message) => {
    const body = refusal(parseRangeQuery, query);
    expect(body).toMatchObject({ statusCode: 400, error: 'Bad Request', parameter });
    expect(body.message).toContain(message);
  });

  it('cuts what it echoes of a parameter name', () => {
    const body = refusal(parseRangeQuery, `${range({})}&${'n'.repeat(500)}=1`);
    expect(String(body.parameter).length).toBeLessThanOrEqual(61);
  });
});

describe('parseInstantQuery', () => {
  it('reads the query and an optional time', () => {
    expect(parseInstantQuery(new URLSearchParams('query=ALERTS'))).toEqual({ query: 'ALERTS' });
    expect(parseInstantQuery(new URLSearchParams('query=up&time=1700000000.123'))).toEqual({
      query: 'up',
      time: 1_700_000_000.123,
    });
  });

  it.each([
    ['', 'query'],
    ['query=up&time=now', 'time'],
    ['query=up&step=5', 'step'],
    ['query=up&query=down', 'query'],
  ])('refuses %p, naming %s', (query, parameter) => {
    expect(refusal(parseInstantQuery, query)).toMatchObject({ statusCode: 400, parameter });
  });
});
