import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { describeWithBinaries, REPO_ROOT, sendTrafficForEveryPanel, startTestStack, waitFor } from '@app/testing';
import type { LocalStack } from '@app/local-stack';
import type { DashboardView } from '../src/browser/dashboard-view.js';
import { DashboardPage, type VisiblePanel } from './fixtures/dashboard-page.js';

/**
 * The page as a student opens it from `npm run demo`: the real stack (apps, Prometheus, Alertmanager, the
 * local dashboard), real traffic, headless Chromium. Every panel must come to show data, drawn by uPlot,
 * named by the panels' legend formats, and keep refreshing; nothing may break the page's policy.
 *
 * The screenshot goes to /tmp; `LOCAL_DASHBOARD_SCREENSHOT=docs/images/local-dashboard.png` writes the
 * README's picture instead.
 */
const SCREENSHOT_PATH = resolve(REPO_ROOT, process.env.LOCAL_DASHBOARD_SCREENSHOT ?? '/tmp/local-dashboard.png');
/** Five minutes: the stack has only just started, and a 30-minute window would squeeze its data to the right edge. */
const PAGE_QUERY = '?range=5m';
const COURSE_PANELS = [
  '404 Not Found per route',
  '500 Internal Server Error per route',
  '5xx error ratio against the error budget',
  'Latency p50 / p90 / p99 per route',
  'Firing alerts',
];

describeWithBinaries(
  ['prometheus', 'alertmanager', 'chromium'],
  'local dashboard page on the live stack, in Chromium',
  ({ chromium }) => {
    let stack: LocalStack;
    let page: DashboardPage;
    let panels: VisiblePanel[];
    const titled = (title: string): VisiblePanel | undefined => panels.find((panel) => panel.title === title);

    beforeAll(async () => {
      stack = await startTestStack();
      await sendTrafficForEveryPanel(stack);

      // The page's own queries, straight to Prometheus: once each has data, every panel can show it.
      const view = (await (await fetch(`${stack.urls.dashboard}/api/dashboard${PAGE_QUERY}`)).json()) as DashboardView;
      const exprs = view.sections
        .flatMap((section) => section.panels.flatMap((panel) => panel.targets))
        .map((t) => t.expr);
      await waitFor(
        "every panel's queries to return data in Prometheus",
        async () => {
          for (const expr of exprs) if ((await stack.prometheus.api.query(expr)).length === 0) return undefined;
          return true;
        },
        { timeoutMs: 90_000, intervalMs: 1_000 },
      );
      page = await DashboardPage.open(`${stack.urls.dashboard}/${PAGE_QUERY}`, chromium);
      panels = await page.waitForAllPanelsWithData();
    }, 240_000);

    afterAll(async () => {
      // Unset when beforeAll failed before starting it: afterAll runs all the same.
      await (page as DashboardPage | undefined)?.close();
      await (stack as LocalStack | undefined)?.stop();
    });

    it("draws the course assignment's panels, and every time series with uPlot", async () => {
      expect(panels.map((panel) => panel.title)).toEqual(expect.arrayContaining(COURSE_PANELS));
      const timeseries = panels.filter((panel) => panel.type === 'timeseries');
      expect(timeseries.length).toBeGreaterThanOrEqual(14);
      expect(timeseries.filter((panel) => panel.canvases === 0).map((panel) => panel.title)).toEqual([]);
      expect(await page.notDrawnNote()).toContain('Latency distribution (heatmap)');
      mkdirSync(dirname(SCREENSHOT_PATH), { recursive: true });
      await page.screenshot(SCREENSHOT_PATH);
    });

    it("names the series by the panels' legend formats", () => {
      expect(titled('404 Not Found per route')?.legend).toEqual(
        expect.arrayContaining(['otel /sample-signals', 'otel unmatched', 'prom-client /sample-signals']),
      );
      expect(titled('500 Internal Server Error per route')?.legend).toEqual(
        expect.arrayContaining(['otel /error', 'prom-client /error']),
      );
      expect(titled('5xx error ratio against the error budget')?.legend).toEqual(
        expect.arrayContaining(['otel 5m', 'otel 1h', 'prom-client 6h']),
      );
      expect(titled('Latency p50 / p90 / p99 per route')?.legend).toEqual(
        expect.arrayContaining(['otel /one q0.99', 'prom-client /sample-signals q0.99']),
      );
      expect(titled('Requests per second')?.legend).toEqual(['otel', 'prom-client']);
    });

    it('lists the firing alerts, the Watchdog among them', () => {
      const alerts = titled('Firing alerts');
      expect(alerts?.rows.map((row) => row[0])).toContain('Watchdog');
    });

    it('refreshes every panel live, and nothing breaks the security policy', async () => {
      const before = await page.refreshes();
      await waitFor('two more refreshes', async () => ((await page.refreshes()) >= before + 2 ? true : undefined), {
        timeoutMs: 30_000,
        intervalMs: 250,
      });
      expect((await page.panels()).filter((panel) => panel.state !== 'data')).toEqual([]);
      expect(page.problems).toEqual([]);
    });

    it('narrows every query to the chosen path, and says "No data" on the panels of the other path only', async () => {
      await page.page.selectOption('select[name="var-instrumentation"]', 'otel');
      await page.page.waitForURL(/var-instrumentation=otel/);
      const byTitle = (narrowed: VisiblePanel[], title: string) => narrowed.find((panel) => panel.title === title);
      const narrowed = await page.waitForPanels('the otel series, and no prom-client-only one', (candidates) => {
        const notFound = byTitle(candidates, '404 Not Found per route');
        const summary = byTitle(candidates, 'Summary quantiles vs histogram_quantile (prom-client)');
        return notFound?.state === 'data' && summary?.state === 'empty';
      });
      const legend = byTitle(narrowed, '404 Not Found per route')?.legend ?? [];
      expect(legend.length).toBeGreaterThan(0);
      expect(legend.filter((label) => !label.startsWith('otel '))).toEqual([]);
      expect(byTitle(narrowed, 'Summary quantiles vs histogram_quantile (prom-client)')?.message).toBe('No data');
    });

    it('is served with a policy that allows only its own origin', async () => {
      const headers = await page.goto(`${stack.urls.dashboard}/`);
      expect(headers['content-security-policy']).toContain("default-src 'self'");
      expect(headers['content-security-policy']).toContain("script-src 'self'");
      expect(headers['content-security-policy']).not.toContain('unsafe-inline');
      expect(headers['x-content-type-options']).toBe('nosniff');
    });
  },
);
