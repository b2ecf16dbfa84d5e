import type { IncomingMessage, ServerResponse } from 'node:http';
import { STATUS_CODES } from 'node:http';
import { HttpException } from '@nestjs/common';

/** The fields of the errors that body-parser raises (http-errors), as far as this app reads them. */
interface BodyParserError {
  status?: unknown;
  type?: unknown;
  limit?: unknown;
  message?: unknown;
}

/**
 * Express error middleware placed right after the JSON body parser: it turns the parser's errors
 * (bad JSON, too large, unsupported charset) into Nest HTTP exceptions whose JSON body names the
 * `body` field, so they are answered 400/413/415 JSON like any other bad request, never 500.
 */
export function bodyParserErrorsToHttpExceptions(
  error: unknown,
  _request: IncomingMessage,
  _response: ServerResponse,
  next: (error?: unknown) => void,
): void {
  next(toHttpException(error));
}

export function toHttpException(error: unknown): unknown {
  if (typeof error !== 'object' || error === null) return error;
  const { status, type, limit, message } = error as BodyParserError;
  if (typeof status !== 'number' || status < 400 || status > 499) return error;
  const { field, text } = describe(type, limit, message);
  return new HttpException({ statusCode: status, error: STATUS_CODES[status], field, message: text }, status, {
    cause: error,
  });
}

/** Which part of the request is at fault, and how to say it. */
function describe(type: unknown, limit: unknown, message: unknown): { field: string; text: string } {
  switch (type) {
    case 'entity.parse.failed':
      return { field: 'body', text: `body is not valid JSON: ${String(message)}` };
    case 'entity.too.large':
      return { field: 'body', text: `body is larger than the limit of ${String(limit)} bytes` };
    case 'charset.unsupported':
      return { field: 'content-type', text: `content-type has an unsupported charset: ${String(message)}` };
    case 'encoding.unsupported':
      return { field: 'content-encoding', text: `content-encoding is not supported: ${String(message)}` };
    default:
      return { field: 'body', text: `body cannot be read: ${String(message)}` };
  }
}
