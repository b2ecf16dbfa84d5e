import { type CanActivate, type ExecutionContext, Inject, Injectable, UnauthorizedException } from '@nestjs/common';
import type { IncomingMessage } from 'node:http';
import { ALERT_RECEIVER_CONFIG, type AlertReceiverConfig } from '../alert-receiver.config.js';
import { bearerToken, secretsMatch } from './bearer-token.js';

/**
 * Lets a request through when no token is configured, or when it carries `Authorization: Bearer <token>`
 * with the configured token; otherwise 401 JSON. The answer does not say which of missing or wrong it was.
 */
@Injectable()
export class BearerTokenGuard implements CanActivate {
  constructor(@Inject(ALERT_RECEIVER_CONFIG) private readonly config: AlertReceiverConfig) {}

  canActivate(context: ExecutionContext): boolean {
    const expected = this.config.token;
    if (expected === undefined) return true;
    const request = context.switchToHttp().getRequest<IncomingMessage>();
    const presented = bearerToken(request.headers.authorization);
    if (presented !== undefined && secretsMatch(presented, expected)) return true;
    throw new UnauthorizedException({
      statusCode: 401,
      error: 'Unauthorized',
      field: 'authorization',
      message: 'authorization header must be "Bearer <token>" with the configured token',
    });
  }
}
