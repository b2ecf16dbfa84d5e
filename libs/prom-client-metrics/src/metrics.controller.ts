import { Controller, Get, Inject, Res } from '@nestjs/common';
import type { ServerResponse } from 'node:http';
import { Registry } from 'prom-client';
import { METRICS_PATH } from './metrics.path';

/** Serves the module's own registry in the Prometheus text format. */
@Controller(METRICS_PATH.slice(1))
export class MetricsController {
  constructor(@Inject(Registry) private readonly registry: Registry) {}

  @Get()
  scrape(@Res({ passthrough: true }) response: ServerResponse): Promise<string> {
    // The registry knows its exposition format (and its version); never hard-code it.
    response.setHeader('Content-Type', this.registry.contentType);
    return this.registry.metrics();
  }
}
