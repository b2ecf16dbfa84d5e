import { HTTP_SERVER_LABELS, PROM_CLIENT_HTTP_METRICS } from '@app/metrics';
import { HEALTH_PATH, NO_WAIT_TASKS_ENV } from '@app/tasks';
import { freePort, scrape, startBuiltApp, sumSamples, type StartedApp } from '@app/testing';
import { runTraffic } from '@app/traffic';
import { DEMO_REFUSED_SHARE, demoTraffic } from '../src/demo-traffic.js';

const REQUESTS = 1_000;

// The demo's own traffic settings, against the compiled app: the "400 Bad Request per route" panel reads these 400s.
describe("the demo's traffic", () => {
  let app: StartedApp;
  let base: string;

  beforeAll(async () => {
    const port = await freePort();
    base = `http://127.0.0.1:${String(port)}`;
    app = await startBuiltApp(
      'prom-client-app',
      { HOST: '127.0.0.1', PORT: String(port), ...NO_WAIT_TASKS_ENV },
      `${base}${HEALTH_PATH}`,
    );
  });

  afterAll(() => app.stop());

  it('includes an occasional request its route refuses (400), counted by the app, below the alert threshold', async () => {
    const { durationSeconds: _unbounded, ...demo } = demoTraffic([base], { rate: 500, durationSeconds: 60 });
    const report = await runTraffic({ ...demo, requests: REQUESTS, seed: 1 });

    const refused = report.byStatus['400'] ?? 0;
    const { samples } = await scrape(`${base}/metrics`);
    const counted = sumSamples(samples, PROM_CLIENT_HTTP_METRICS.requests.name, {
      [HTTP_SERVER_LABELS.code]: '400',
    });
    expect(counted).toBe(refused);
    // 20 expected (2 %): at least one, and far from HttpBadRequestRatioHigh's 10 %.
    expect(refused).toBeGreaterThan(0);
    expect(refused / REQUESTS).toBeLessThan(DEMO_REFUSED_SHARE * 2.5);
  });
});
