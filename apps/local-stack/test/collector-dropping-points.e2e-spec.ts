import { describeWithBinaries, startTestStack, waitFor } from '@app/testing';
import type { LocalStack } from '@app/local-stack';

const ALERT = 'OtelCollectorDroppingPoints';

/**
 * One OTLP/JSON push of a counter with DELTA temporality, which Prometheus' OTLP receiver refuses (it stores
 * cumulative series, and answers 500 "invalid temporality and type combination"): what a misconfigured client sends.
 */
function deltaPush(value: number): string {
  const now = BigInt(Date.now()) * 1_000_000n;
  return JSON.stringify({
    resourceMetrics: [
      {
        resource: { attributes: [{ key: 'service.name', value: { stringValue: 'delta-client' } }] },
        scopeMetrics: [
          {
            scope: { name: 'delta-client' },
            metrics: [
              {
                name: 'delta.requests',
                sum: {
                  isMonotonic: true,
                  aggregationTemporality: 1,
                  dataPoints: [
                    {
                      asInt: String(value),
                      startTimeUnixNano: String(now - 1_000_000_000n),
                      timeUnixNano: String(now),
                    },
                  ],
                },
              },
            ],
          },
        ],
      },
    ],
  });
}

/**
 * The Collector's own alert, live: on delivery `otlp`, a client pushes deltas through the Collector, Prometheus
 * refuses them, the Collector drops them once its retries run out and counts them, Prometheus scrapes that count from
 * it, and OtelCollectorDroppingPoints fires. The alert's `for:` is cut to 5 s and the Collector's retries to 30 s (no less than its longest wait between two) here;
 * promtool proves the committed `for:`, and the retries are the Collector's default otherwise.
 */
describeWithBinaries(['prometheus', 'alertmanager', 'otelcol-nest'], 'the Collector dropping points, live', () => {
  let stack: LocalStack;
  const pushing = new AbortController();

  beforeAll(async () => {
    stack = await startTestStack({}, { delivery: 'otlp', alertForAtMost: '5s', collectorRetryAtMost: '30s' });
  }, 90_000);

  afterAll(async () => {
    pushing.abort();
    await (stack as LocalStack | undefined)?.stop();
  });

  it('fires when Prometheus refuses what the Collector sends it', async () => {
    const collectorOtlp = `http://127.0.0.1:${stack.ports.otelCollectorOtlp}/v1/metrics`;
    const push = async (value: number) => {
      const response = await fetch(collectorOtlp, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: deltaPush(value),
        signal: pushing.signal,
      });
      // The Collector takes the push; the refusal comes from Prometheus, downstream.
      expect(response.status).toBe(200);
    };
    const pushes = (async () => {
      for (let value = 1; !pushing.signal.aborted; value += 1) {
        await push(value).catch(() => undefined);
        await new Promise((resolve) => setTimeout(resolve, 300));
      }
    })();

    const firing = await waitFor(
      `${ALERT} firing`,
      async () => {
        const alerts = (await stack.prometheus.api.firingAlerts()).filter((alert) => alert.labels.alertname === ALERT);
        return alerts.length > 0 ? alerts : undefined;
      },
      { timeoutMs: 100_000, intervalMs: 1_000 },
    );
    expect(firing[0].labels).toMatchObject({ job: 'otel-collector', severity: 'critical' });
    pushing.abort();
    await pushes;
  }, 150_000);
});
