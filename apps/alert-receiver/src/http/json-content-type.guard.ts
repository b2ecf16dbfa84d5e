import { type CanActivate, type ExecutionContext, Injectable, UnsupportedMediaTypeException } from '@nestjs/common';
import type { IncomingMessage } from 'node:http';

/**
 * Requires `Content-Type: application/json` (what Alertmanager sends). The JSON body parser skips any
 * other type, leaving no body: without this guard such a request would get a confusing 400.
 */
@Injectable()
export class JsonContentTypeGuard implements CanActivate {
  canActivate(context: ExecutionContext): boolean {
    const contentType = context.switchToHttp().getRequest<IncomingMessage>().headers['content-type'] ?? '';
    const mediaType = contentType.split(';')[0].trim().toLowerCase();
    if (mediaType === 'application/json') return true;
    throw new UnsupportedMediaTypeException({
      statusCode: 415,
      error: 'Unsupported Media Type',
      field: 'content-type',
      message: `content-type must be application/json, got ${JSON.stringify(contentType.slice(0, 100))}`,
    });
  }
}
