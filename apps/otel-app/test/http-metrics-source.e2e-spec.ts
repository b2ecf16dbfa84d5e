/**
 * Where the OpenTelemetry app's HTTP server histogram comes from: a middleware when no span is exported (the
 * default), instrumentation-http when spans are (`OTEL_TRACES_EXPORTER`). Either way the same series, counted once:
 * the compiled app is started in both modes, sent the same traffic, and scraped. Needs `npm run build` first.
 */
import { expect } from '@jest/globals';
import { OTEL_HTTP_METRICS, UNMATCHED_ROUTE } from '@app/metrics';
import { HTTP_SERVER_METER_NAME } from '@app/otel-metrics';
import { HEALTH_PATH } from '@app/tasks';
import { freePort, knownTraffic, scrape, selectSamples, startBuiltApp, type Sample } from '@app/testing';
import { otelAppEnv } from './fixtures/otel-app-env.js';

const HTTP = OTEL_HTTP_METRICS.duration;

/** What the scope and the instance add to every series: who recorded it, not what it counts. */
const sameEitherWay = (sample: Sample): string =>
  `${sample.name}{${Object.entries(sample.labels)
    .filter(([label]) => !label.startsWith('otel_scope_') && label !== 'service_instance_id')
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([label, value]) => `${label}="${value}"`)
    .join(', ')}}`;

interface Scraped {
  /** Every HTTP histogram series, named by what it counts (buckets included). */
  readonly series: readonly string[];
  /** `method route status` → requests counted. */
  readonly counts: Readonly<Record<string, number>>;
  readonly scopes: ReadonlySet<string | undefined>;
}

/** Starts the built app with `extraEnv`, sends it the known traffic (a body the parser refuses included), scrapes it. */
async function runWith(extraEnv: Record<string, string>): Promise<Scraped> {
  const [appPort, metricsPort] = [await freePort(), await freePort()];
  const base = `http://127.0.0.1:${appPort}`;
  const app = await startBuiltApp('otel-app', otelAppEnv(appPort, metricsPort, extraEnv), `${base}${HEALTH_PATH}`);
  try {
    await knownTraffic.send(base);
    const { samples } = await scrape(`http://127.0.0.1:${metricsPort}/metrics`);
    const http = samples.filter((sample) => sample.name.startsWith(HTTP.name));
    const counts = Object.fromEntries(
      selectSamples(samples, `${HTTP.name}_count`).map(({ labels, value }) => [
        `${labels.http_request_method} ${labels.http_route} ${labels.http_response_status_code}`,
        value,
      ]),
    );
    return {
      series: http.map(sameEitherWay).sort(),
      counts,
      scopes: new Set(http.map((sample) => sample.labels.otel_scope_name)),
    };
  } finally {
    await app.stop();
  }
}

describe('the HTTP server histogram of the OpenTelemetry app', () => {
  let byMiddleware: Scraped;
  let byInstrumentation: Scraped;

  beforeAll(async () => {
    byMiddleware = await runWith({});
    // Spans exported (to the console, as a user trying them would): instrumentation-http is loaded and records it.
    byInstrumentation = await runWith({ OTEL_TRACES_EXPORTER: 'console' });
  });

  it('comes from the middleware when no span is exported, and from instrumentation-http when spans are, never both', () => {
    expect([...byMiddleware.scopes]).toEqual([HTTP_SERVER_METER_NAME]);
    expect([...byInstrumentation.scopes]).toEqual(['@opentelemetry/instrumentation-http']);
  });

  it('has the same series and labels either way, buckets included', () => {
    expect(byMiddleware.series.length).toBeGreaterThan(0);
    expect(byMiddleware.series).toEqual(byInstrumentation.series);
  });

  it('counts each request once either way, a body the parser refused under the unmatched route', () => {
    const expected = knownTraffic.expectedRequestCounts();
    expect(expected[`POST ${UNMATCHED_ROUTE} 400`]).toBeGreaterThan(0);
    expect(byMiddleware.counts).toEqual(expected);
    expect(byInstrumentation.counts).toEqual(expected);
  });
});
