import { Controller, Get, Inject, Req, Res } from '@nestjs/common';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { searchOf } from '../http/request-search.js';
import { type ForwardedAnswer, PrometheusForwarder } from './prometheus-forwarder.js';
import { parseInstantQuery, parseRangeQuery } from './prometheus-query.parameters.js';

/**
 * The page's same-origin way to Prometheus: `GET /prometheus/api/v1/query_range` and `/query`, with the
 * parameters checked and bounded, forwarded to PROMETHEUS_URL. Any other path is Nest's 404, so that
 * nothing else of Prometheus' API (admin, write, other reads) is reachable through this app.
 */
@Controller('prometheus/api/v1')
export class PrometheusProxyController {
  constructor(@Inject(PrometheusForwarder) private readonly prometheus: PrometheusForwarder) {}

  @Get('query_range')
  async queryRange(@Req() request: IncomingMessage, @Res() response: ServerResponse): Promise<void> {
    const { query, start, end, step } = parseRangeQuery(searchOf(request));
    const answer = await this.prometheus.get('/api/v1/query_range', {
      query,
      start: String(start),
      end: String(end),
      step: String(step),
    });
    send(response, answer);
  }

  @Get('query')
  async query(@Req() request: IncomingMessage, @Res() response: ServerResponse): Promise<void> {
    const { query, time } = parseInstantQuery(searchOf(request));
    const answer = await this.prometheus.get(
      '/api/v1/query',
      time === undefined ? { query } : { query, time: String(time) },
    );
    send(response, answer);
  }
}

/**
 * Written by hand: Nest would answer 200 whatever status Prometheus gave, and re-serialising its JSON
 * would only cost time.
 */
function send(response: ServerResponse, answer: ForwardedAnswer): void {
  response.statusCode = answer.status;
  response.setHeader('Content-Type', 'application/json; charset=utf-8');
  response.setHeader('Cache-Control', 'no-store');
  response.end(answer.body);
}
