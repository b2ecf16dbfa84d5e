import { Controller, Get, Header, Inject } from '@nestjs/common';
import { ALERT_RECEIVER_CONFIG, type AlertReceiverConfig } from '../alert-receiver.config.js';
import { AlertsService } from '../alerts/alerts.service.js';
import { renderAlertsPage } from './alerts-page.renderer.js';

/** `GET /`: the human view of the store. */
@Controller()
export class AlertsPageController {
  constructor(
    private readonly alerts: AlertsService,
    @Inject(ALERT_RECEIVER_CONFIG) private readonly config: AlertReceiverConfig,
  ) {}

  @Get()
  @Header('Content-Type', 'text/html; charset=utf-8')
  @Header('Cache-Control', 'no-store')
  // The security headers (its Content-Security-Policy among them) are the app's, set for every answer (main.ts).
  page(): string {
    return renderAlertsPage(this.alerts.snapshot(), {
      refreshSeconds: this.config.pageRefreshSeconds,
      now: new Date(),
    });
  }
}
