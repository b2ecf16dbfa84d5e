import { type ArgumentsHost, Catch, HttpException } from '@nestjs/common';
import { BaseExceptionFilter, HttpAdapterHost } from '@nestjs/core';
import type { IncomingMessage } from 'node:http';
import { ALERTS_PATH } from '../alerts/alerts.paths.js';
import { ReceiverMetrics } from '../metrics/receiver-metrics.js';
import { REJECTION_REASONS, type RejectionReason } from '../metrics/receiver-metric-names.js';

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
      // Any status can come here: only those in the table are counted.
      const reasons: Readonly<Partial<Record<number, RejectionReason>>> = REJECTION_REASONS;
      const reason = reasons[exception.getStatus()];
      if (reason !== undefined) this.metrics.requestRejected(reason);
    }
    super.catch(exception, host);
  }
}
