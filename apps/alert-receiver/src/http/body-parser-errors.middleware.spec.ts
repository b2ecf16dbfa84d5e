import { expect } from '@jest/globals';
import { HttpException } from '@nestjs/common';
import { toHttpException } from './body-parser-errors.middleware.js';

/** Errors shaped like body-parser's (http-errors: `status`, `type`, and `limit` for size). */
function parserError(status: number, type: string, extra: Record<string, unknown> = {}): Error {
  return Object.assign(new Error(`parser says ${type}`), { status, statusCode: status, type, expose: true, ...extra });
}

function answerTo(error: unknown): { status: number; body: Record<string, unknown> } {
  const converted = toHttpException(error);
  if (!(converted instanceof HttpException)) throw new Error('expected an HttpException');
  return { status: converted.getStatus(), body: converted.getResponse() as Record<string, unknown> };
}

describe('toHttpException', () => {
  it.each([
    [parserError(400, 'entity.parse.failed'), 400, 'body', 'body is not valid JSON'],
    [parserError(413, 'entity.too.large', { limit: 4096 }), 413, 'body', 'limit of 4096 bytes'],
    [parserError(415, 'charset.unsupported'), 415, 'content-type', 'unsupported charset'],
    [parserError(415, 'encoding.unsupported'), 415, 'content-encoding', 'not supported'],
    [parserError(400, 'request.aborted'), 400, 'body', 'cannot be read'],
  ])('answers %s with %i naming %s', (error, status, field, text) => {
    const answer = answerTo(error);
    expect(answer.status).toBe(status);
    expect(answer.body).toMatchObject({ statusCode: status, field, message: expect.stringContaining(text) });
  });

  it.each([
    ['a server-side parser error', parserError(500, 'stream.not.readable')],
    ['an error without status', new Error('boom')],
    ['a non-object', 'boom'],
  ])('leaves %s alone (Nest answers it 500 and logs it)', (_what, error) => {
    expect(toHttpException(error)).toBe(error);
  });
});
