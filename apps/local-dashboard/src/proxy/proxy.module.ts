import { Module } from '@nestjs/common';
import { PrometheusForwarder } from './prometheus-forwarder.js';
import { PrometheusProxyController } from './prometheus-proxy.controller.js';

/** The read-only, validated way from the page to Prometheus' query API. */
@Module({
  controllers: [PrometheusProxyController],
  providers: [PrometheusForwarder],
})
export class ProxyModule {}
