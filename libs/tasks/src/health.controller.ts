import { Controller, Get } from '@nestjs/common';
import { HEALTH_PATH } from './health.path.js';

/** Liveness only: it answers while the event loop does. The metric paths leave it out of request metrics. */
@Controller(HEALTH_PATH.slice(1))
export class HealthController {
  @Get()
  check(): { status: 'ok' } {
    return { status: 'ok' };
  }
}
