import { Module } from '@nestjs/common';
import { AlertsModule } from '../alerts/alerts.module';
import { AlertsPageController } from './alerts-page.controller';

/** The HTML page at `/`. */
@Module({
  imports: [AlertsModule],
  controllers: [AlertsPageController],
})
export class PageModule {}
