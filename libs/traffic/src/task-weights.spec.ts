import { parseTaskWeights, taskWeightsQuery } from './task-weights.js';

describe('parseTaskWeights', () => {
  it('reads 200,404,500 weights in that order', () => {
    expect(parseTaskWeights('80, 10,10.5')).toEqual({
      ok: true,
      value: { ok: 80, not_found: 10, server_error: 10.5 },
    });
  });

  it('takes an object as well', () => {
    expect(parseTaskWeights({ ok: 0, not_found: 1, server_error: 0 })).toEqual({
      ok: true,
      value: { ok: 0, not_found: 1, server_error: 0 },
    });
  });

  it.each([
    ['80,10', /must be 3 comma-separated non-negative numbers/],
    ['80,10,10,1', /must be 3 comma-separated/],
    ['80,-1,10', /must be 3 comma-separated/],
    ['a,b,c', /must be 3 comma-separated/],
    ['0,0,0', /must have a positive sum/],
    ['1000001,0,0', /weight ok must be a number between 0 and 1000000/],
  ])('refuses %j', (text, problem) => {
    const result = parseTaskWeights(text);
    expect(result.ok ? [] : result.problems).toEqual([expect.stringMatching(problem)]);
  });
});

describe('taskWeightsQuery', () => {
  it("asks /sample-signals with the server's parameter names", () => {
    expect(taskWeightsQuery({ ok: 80, not_found: 10, server_error: 10 })).toBe(
      '?weight_ok=80&weight_not_found=10&weight_server_error=10',
    );
  });

  it('adds nothing when no weights are given, so the server keeps its defaults', () => {
    expect(taskWeightsQuery(undefined)).toBe('');
  });
});
