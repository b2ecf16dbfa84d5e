import { expect } from '@jest/globals';
import { BadRequestException } from '@nestjs/common';
import { assertNoQueryParameters, parseSampleSignalsQuery } from './sample-signals.query.js';
import { TASKS_DEFAULTS, type TasksSettings } from './tasks.settings.js';

const settings: TasksSettings = {
  routeMaxLatencyMs: TASKS_DEFAULTS.routeMaxLatencyMs,
  sampleWeights: { ok: 80, not_found: 10, server_error: 10 },
  sampleMaxLatencyMs: 200,
  latencyCapMs: 5_000,
};

/** The JSON body and status Nest would answer for what `run` throws. */
function rejectionOf(run: () => unknown): { status: number; body: Record<string, unknown> } {
  try {
    run();
  } catch (error) {
    if (!(error instanceof BadRequestException)) throw error;
    return { status: error.getStatus(), body: error.getResponse() as Record<string, unknown> };
  }
  throw new Error('expected a 400');
}

/** Expects a 400 whose JSON names `parameter`, and whose message starts with it and contains `message`. */
function expectBadParameter(query: Record<string, unknown>, parameter: string, message: string): void {
  const { status, body } = rejectionOf(() => parseSampleSignalsQuery(query, settings));
  expect(status).toBe(400);
  expect(body).toEqual({ statusCode: 400, error: 'Bad Request', parameter, message: expect.any(String) });
  expect(String(body.message).startsWith(`${parameter} `)).toBe(true);
  expect(body.message).toMatch(message);
}

describe('parseSampleSignalsQuery', () => {
  it('applies the settings when the query is empty', () => {
    expect(parseSampleSignalsQuery({}, settings)).toEqual({
      weights: { ok: 80, not_found: 10, server_error: 10 },
      maxLatencyMs: 200,
    });
  });

  it('overrides each value given, keeping the settings for the others', () => {
    expect(parseSampleSignalsQuery({ weight_not_found: '0', max_latency_ms: '5000' }, settings)).toEqual({
      weights: { ok: 80, not_found: 0, server_error: 10 },
      maxLatencyMs: 5_000,
    });
    expect(
      parseSampleSignalsQuery({ weight_ok: '0.5', weight_not_found: '1000000', weight_server_error: '007' }, settings),
    ).toEqual({ weights: { ok: 0.5, not_found: 1_000_000, server_error: 7 }, maxLatencyMs: 200 });
  });

  it('accepts weights that force one outcome', () => {
    expect(
      parseSampleSignalsQuery({ weight_ok: '0', weight_not_found: '0', weight_server_error: '1' }, settings).weights,
    ).toEqual({ ok: 0, not_found: 0, server_error: 1 });
  });

  it('rejects an unknown parameter, listing the known ones', () => {
    expectBadParameter(
      { weight_ok: '1', weight_error: '1' },
      'weight_error',
      'is not a known query parameter (known: weight_ok, weight_not_found, weight_server_error, max_latency_ms)',
    );
  });

  it('rejects the bracketed names the simple parser leaves as they are', () => {
    expectBadParameter({ 'weight_ok[b]': '1' }, 'weight_ok[b]', 'is not a known query parameter');
  });

  it('cuts an overlong unknown name in the answer', () => {
    const { body } = rejectionOf(() => parseSampleSignalsQuery({ ['x'.repeat(10_000)]: '1' }, settings));
    expect(body.parameter).toBe(`${'x'.repeat(40)}…`);
    expect(String(body.message).length).toBeLessThan(200);
  });

  it.each([
    ['a repeated parameter (arrays)', ['1', '2']],
    ['a nested parameter (extended parser)', { b: '1' }],
  ])('rejects %s', (_, value) => {
    expectBadParameter({ weight_ok: value }, 'weight_ok', 'must be given once, as a plain number');
  });

  it.each(['1e3', '-1', 'abc', '', ' 1', '1 ', '0x10', '.5', '1.', 'Infinity', 'NaN', '+1', '1,5'])(
    'rejects the malformed number %p',
    (raw) => {
      expectBadParameter({ max_latency_ms: raw }, 'max_latency_ms', `must be a non-negative number, got "${raw}"`);
    },
  );

  it('cuts an overlong malformed value in the answer', () => {
    const { body } = rejectionOf(() => parseSampleSignalsQuery({ weight_ok: 'z'.repeat(10_000) }, settings));
    expect(body.message).toBe(`weight_ok must be a non-negative number, got "${'z'.repeat(40)}…"`);
  });

  it.each(['weight_ok', 'weight_not_found', 'weight_server_error'])('rejects %p above 1000000', (name) => {
    expectBadParameter({ [name]: '1000001' }, name, 'must be at most 1000000, got 1000001');
  });

  it('rejects a huge number of digits by its bound, without echoing them all', () => {
    const { body } = rejectionOf(() => parseSampleSignalsQuery({ weight_ok: '9'.repeat(500) }, settings));
    expect(body.message).toBe(`weight_ok must be at most 1000000, got ${'9'.repeat(40)}…`);
  });

  it('rejects max_latency_ms above the cap, and accepts the cap itself', () => {
    expectBadParameter({ max_latency_ms: '5001' }, 'max_latency_ms', 'must be at most 5000, got 5001');
    expect(parseSampleSignalsQuery({ max_latency_ms: '5000' }, settings).maxLatencyMs).toBe(5_000);
  });

  it('rejects weights summing to 0, naming the first weight given', () => {
    expectBadParameter(
      { weight_ok: '0', weight_not_found: '0', weight_server_error: '0' },
      'weight_ok',
      'weight_ok and the other weights must have a positive sum, got weight_ok=0, weight_not_found=0, weight_server_error=0',
    );
    const onlyOk: TasksSettings = { ...settings, sampleWeights: { ok: 1, not_found: 0, server_error: 0 } };
    const { body } = rejectionOf(() => parseSampleSignalsQuery({ weight_ok: '0', max_latency_ms: '1' }, onlyOk));
    expect(body.parameter).toBe('weight_ok');
    const onlyNotFound: TasksSettings = { ...settings, sampleWeights: { ok: 0, not_found: 1, server_error: 0 } };
    expect(rejectionOf(() => parseSampleSignalsQuery({ weight_not_found: '0.0' }, onlyNotFound)).body.parameter).toBe(
      'weight_not_found',
    );
  });

  it('names the first offending parameter when several are wrong', () => {
    expectBadParameter({ max_latency_ms: 'x', weight_ok: 'y', nope: '1' }, 'nope', 'is not a known query parameter');
  });
});

describe('assertNoQueryParameters', () => {
  it('accepts an empty query', () => {
    expect(() => assertNoQueryParameters({})).not.toThrow();
  });

  it('rejects any parameter, naming it', () => {
    const { status, body } = rejectionOf(() => assertNoQueryParameters({ weight_ok: '1' }));
    expect(status).toBe(400);
    expect(body).toEqual({
      statusCode: 400,
      error: 'Bad Request',
      parameter: 'weight_ok',
      message: 'weight_ok is not a known query parameter (this route takes none)',
    });
  });
});
