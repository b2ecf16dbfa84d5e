import { Body, Controller, Get, HttpCode, Post, UseGuards } from '@nestjs/common';
import { BearerTokenGuard } from '../auth/bearer-token.guard.js';
import { JsonContentTypeGuard } from '../http/json-content-type.guard.js';
import type { AlertsSnapshot } from './alert-state.js';
import { ALERTS_PATH } from './alerts.paths.js';
import { AlertsService, type NotificationReceipt } from './alerts.service.js';

@Controller(ALERTS_PATH.slice(1))
export class AlertsController {
  constructor(private readonly alerts: AlertsService) {}

  /** Alertmanager's webhook: any 2xx counts as delivered, anything else makes it retry. */
  @Post()
  @HttpCode(200)
  @UseGuards(BearerTokenGuard, JsonContentTypeGuard)
  receive(@Body() body: unknown): NotificationReceipt {
    return this.alerts.receive(body);
  }

  /** Current alerts (firing first) and the recent notifications, as JSON. */
  @Get()
  list(): AlertsSnapshot {
    return this.alerts.snapshot();
  }
}
