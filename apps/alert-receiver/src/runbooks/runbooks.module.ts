import { Module } from '@nestjs/common';
import { ALERT_RECEIVER_CONFIG, type AlertReceiverConfig } from '../alert-receiver.config.js';
import { renderRunbooksPage } from './runbooks-page.renderer.js';
import { RunbooksController } from './runbooks.controller.js';
import { RUNBOOKS_HTML } from './runbooks.tokens.js';

/** The runbooks page at `/runbooks`, from the Markdown the configuration read. */
@Module({
  controllers: [RunbooksController],
  providers: [
    {
      provide: RUNBOOKS_HTML,
      inject: [ALERT_RECEIVER_CONFIG],
      useFactory: (config: AlertReceiverConfig) => renderRunbooksPage(config.runbooksMarkdown),
    },
  ],
})
export class RunbooksModule {}
