import { Controller, Get } from '@nestjs/common';

/** Liveness: it answers while the event loop does. The store is in memory, so there is nothing else to check. */
@Controller('health')
export class HealthController {
  @Get()
  check(): { status: 'ok' } {
    return { status: 'ok' };
  }
}
