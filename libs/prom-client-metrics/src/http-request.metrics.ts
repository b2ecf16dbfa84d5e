import { Inject, Injectable } from '@nestjs/common';
import { PROM_CLIENT_HTTP_METRICS } from '@app/metrics';
import { type Counter, type Histogram, Registry } from '@prometheus-io/client';
import { counterFrom, histogramFrom } from './metric-from-definition.js';

type HttpLabel = (typeof PROM_CLIENT_HTTP_METRICS.requests.labelNames)[number];
export type HttpRequestLabels = Readonly<Record<HttpLabel, string>>;

/** The HTTP server metrics of the prom-client path: a request counter and a duration histogram, same labels. */
@Injectable()
export class HttpRequestMetrics {
  private readonly requests: Counter<HttpLabel>;
  private readonly duration: Histogram<HttpLabel>;

  constructor(@Inject(Registry) registry: Registry) {
    this.requests = counterFrom(PROM_CLIENT_HTTP_METRICS.requests, registry);
    this.duration = histogramFrom(PROM_CLIENT_HTTP_METRICS.duration, registry);
  }

  /** Starts timing a request; the labels are given at the end, once the route and status are known. */
  startTimer(): (labels: HttpRequestLabels) => void {
    const endDuration = this.duration.startTimer();
    return (labels) => {
      endDuration(labels);
      this.requests.inc(labels);
    };
  }
}
