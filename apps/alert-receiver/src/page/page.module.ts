import { Module } from '@nestjs/common';
import { AlertsModule } from '../alerts/alerts.module.js';
import { AlertsPageController } from './alerts-page.controller.js';

/** The HTML page at `/`. */
@Module({
  imports: [AlertsModule],
  controllers: [AlertsPageController],
})
export class PageModule {}
