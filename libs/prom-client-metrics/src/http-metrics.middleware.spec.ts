import {
  Controller,
  ForbiddenException,
  Get,
  HttpException,
  type INestApplication,
  Module,
  NotFoundException,
  Param,
  ParseIntPipe,
  UseGuards,
} from '@nestjs/common';
import { Test } from '@nestjs/testing';
import type { Server } from 'node:http';
import { PROM_CLIENT_HTTP_METRICS, UNMATCHED_ROUTE } from '@app/metrics';
import { HEALTH_PATH } from '@app/tasks';
import { parseExposition, type Sample, selectSamples } from '@app/testing';
import { Registry } from '@prometheus-io/client';
import request from 'supertest';
import { mountHttpMetrics } from './http-metrics.middleware.js';
import { PromClientMetricsModule } from './prom-client-metrics.module.js';

const { requests, duration } = PROM_CLIENT_HTTP_METRICS;

const denyAll = { canActivate: () => false };

/** Routes that end every way a request can end: answered, thrown HttpException, thrown Error, pipe, guard. */
@Controller()
class FixtureController {
  @Get('items/:id')
  item(@Param('id') id: string): { id: string } {
    if (id === 'missing') throw new NotFoundException();
    return { id };
  }

  @Get('orders/:id')
  order(@Param('id', ParseIntPipe) id: number): { id: number } {
    return { id };
  }

  @Get('teapot')
  teapot(): never {
    throw new HttpException('short and stout', 418);
  }

  @Get('crash')
  crash(): never {
    throw new Error('not an HttpException');
  }

  @Get('admin')
  @UseGuards(denyAll)
  admin(): string {
    throw new ForbiddenException('the guard should have answered first');
  }

  @Get(HEALTH_PATH.slice(1))
  health(): { status: string } {
    return { status: 'ok' };
  }
}

@Module({ controllers: [FixtureController] })
class FixtureModule {}

/** `http_requests_total` as `METHOD route status → count`, the shape a reader checks by eye. */
function requestCounts(samples: readonly Sample[]): Record<string, number> {
  return Object.fromEntries(
    selectSamples(samples, requests.name).map((s) => [
      `${s.labels.http_request_method} ${s.labels.http_route} ${s.labels.http_response_status_code}`,
      s.value,
    ]),
  );
}

describe('HttpMetricsMiddleware', () => {
  let app: INestApplication<Server>;
  let registry: Registry;

  beforeEach(async () => {
    const moduleRef = await Test.createTestingModule({
      imports: [PromClientMetricsModule.forRoot({ collectDefaultMetrics: false }), FixtureModule],
    }).compile();
    app = moduleRef.createNestApplication<INestApplication<Server>>({ logger: false });
    mountHttpMetrics(app);
    await app.init();
    registry = app.get(Registry);
  });

  afterEach(() => app.close());

  const scrapeRegistry = async () => parseExposition(await registry.metrics()).samples;

  it('labels requests with the route template, method and the status actually sent', async () => {
    const server = app.getHttpServer();
    await request(server).get('/items/1').expect(200);
    await request(server).get('/items/2').expect(200);
    await request(server).get('/items/missing').expect(404);
    await request(server).get('/orders/abc').expect(400);
    await request(server).get('/teapot').expect(418);
    await request(server).get('/crash').expect(500);
    await request(server).get('/admin').expect(403);

    expect(requestCounts(await scrapeRegistry())).toEqual({
      'GET /items/:id 200': 2,
      'GET /items/:id 404': 1,
      'GET /orders/:id 400': 1,
      'GET /teapot 418': 1,
      'GET /crash 500': 1,
      'GET /admin 403': 1,
    });
  });

  it('times every counted request in the histogram, with the same labels and the catalogue buckets', async () => {
    await request(app.getHttpServer()).get('/items/7').expect(200);
    await request(app.getHttpServer()).get('/crash').expect(500);
    const samples = await scrapeRegistry();
    const counts = selectSamples(samples, `${duration.name}_count`).map((s) => [s.labels, s.value]);
    expect(counts).toEqual([
      [{ http_request_method: 'GET', http_route: '/items/:id', http_response_status_code: '200' }, 1],
      [{ http_request_method: 'GET', http_route: '/crash', http_response_status_code: '500' }, 1],
    ]);
    const edges = selectSamples(samples, `${duration.name}_bucket`, { http_route: '/crash' }).map((s) => s.labels.le);
    expect(edges).toEqual([...duration.buckets.map(String), '+Inf']);
  });

  it(`gives every request that matched no route the single route "${UNMATCHED_ROUTE}"`, async () => {
    const server = app.getHttpServer();
    for (let i = 0; i < 25; i += 1) await request(server).get(`/random/${i}/${Math.random()}`).expect(404);
    await request(server).get('/').expect(404);
    await request(server).post('/items/1').expect(404);

    expect(requestCounts(await scrapeRegistry())).toEqual({
      [`GET ${UNMATCHED_ROUTE} 404`]: 26,
      [`POST ${UNMATCHED_ROUTE} 404`]: 1,
    });
  });

  it('leaves the health and metrics routes out', async () => {
    const server = app.getHttpServer();
    await request(server).get(HEALTH_PATH).expect(200);
    await request(server).get(`${HEALTH_PATH}?probe=1`).expect(200);
    await request(server).get('/metrics').expect(200);
    await request(server).get('/items/1').expect(200);

    expect(requestCounts(await scrapeRegistry())).toEqual({ 'GET /items/:id 200': 1 });
  });
});
