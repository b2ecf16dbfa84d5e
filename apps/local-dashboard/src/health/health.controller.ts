import { Controller, Get } from '@nestjs/common';

/**
 * Liveness: it answers while the event loop does. Prometheus being down is not this app's failure: the
 * page says so on every panel instead.
 */
@Controller('health')
export class HealthController {
  @Get()
  check(): { status: 'ok' } {
    return { status: 'ok' };
  }
}
