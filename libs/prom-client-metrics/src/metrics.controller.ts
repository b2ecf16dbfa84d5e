import { Controller, Get, Inject, Res } from '@nestjs/common';
import type { ServerResponse } from 'node:http';
import { MetricsExposition } from './metrics-exposition.js';
import { METRICS_PATH } from './metrics.path.js';

/** Serves the app's metrics in the Prometheus text format: this process's, or the whole cluster's. */
@Controller(METRICS_PATH.slice(1))
export class MetricsController {
  constructor(@Inject(MetricsExposition) private readonly exposition: MetricsExposition) {}

  @Get()
  async scrape(@Res({ passthrough: true }) response: ServerResponse): Promise<string> {
    const { contentType, text } = await this.exposition.expose();
    response.setHeader('Content-Type', contentType);
    return text;
  }
}
