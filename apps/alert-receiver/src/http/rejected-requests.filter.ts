import { type ArgumentsHost, Catch, HttpException } from '@nestjs/common';
import { BaseExceptionFilter, HttpAdapterHost } from '@nestjs/core';
import type { IncomingMessage } from 'node:http';
import { ALERTS_PATH } from '../alerts/alerts.paths.js';
import { ReceiverMetrics } from '../metrics/receiver-metrics.js';
import { REJECTION_REASONS } from '../metrics/receiver-metric-names.js';

/**
 * Counts the webhook requests refused with a 4xx (bad payload, no token, too large, wrong type), then
 * lets Nest answer as usual. Global, because body-parser errors happen before any controller runs.
 */
@Catch()
export class RejectedRequestsFilter extends BaseExceptionFilter {
  constructor(
    private readonly metrics: ReceiverMetrics,
    adapterHost: HttpAdapterHost,
  ) {
    super(adapterHost.httpAdapter);
  }

  override catch(exception: unknown, host: ArgumentsHost): void {
    const request = host.switchToHttp().getRequest<IncomingMessage>();
    const path = (request.url ?? '').split('?')[0];
    if (exception instanceof HttpException && request.method === 'POST' && path === ALERTS_PATH) {
      const reason = REJECTION_REASONS[exception.getStatus() as keyof typeof REJECTION_REASONS];
      if (reason !== undefined) this.metrics.requestRejected(reason);
    }
    super.catch(exception, host);
  }
}
