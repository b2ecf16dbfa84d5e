import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { CHROMIUM_ARGS, describeWithBinaries, requestEach, startTestStack, waitFor } from '@app/testing';
import type { LocalStack } from '@app/local-stack';
import { METRIC_PATHS } from '@app/metrics';

/** The series the query page is asked for: the OpenTelemetry app's business counter, which traffic moves. */
const METRIC = 'tasks_outcomes_total';
const QUERY = `${METRIC}{job="${METRIC_PATHS.otel.job}"}`;
const ALERT = 'WebUiCheck';
const SCREENSHOTS = { prometheus: 'prometheus-query.png', alertmanager: 'alertmanager-alerts.png' } as const;

/**
 * The course's first tools are Prometheus' own query page and Alertmanager's alert list. Both UIs are built into the
 * binaries by observability/stack/install.sh; here a real Chromium opens them on the local stack (delivery
 * `collector`, the demo's default): the query page's table lists the app's series, and Alertmanager's list shows a
 * firing alert with its Silence button. Screenshots go to the temporary folder.
 */
describeWithBinaries(
  ['prometheus', 'alertmanager', 'otelcol-nest', 'chromium'],
  'the web UIs on the local stack',
  (paths) => {
    let stack: LocalStack;
    let browser: Browser;

    beforeAll(async () => {
      stack = await startTestStack({}, { delivery: 'collector' });
      browser = await chromium.launch({ executablePath: paths.chromium, args: [...CHROMIUM_ARGS], timeout: 30_000 });
    }, 90_000);

    afterAll(async () => {
      await (browser as Browser | undefined)?.close();
      await (stack as LocalStack | undefined)?.stop();
    });

    it("Prometheus' query page shows the app's series in its table", async () => {
      await requestEach([stack.urls.otelApp], ['/one'], 5);
      await waitFor(`${QUERY} stored`, async () =>
        (await stack.prometheus.api.query(QUERY)).length > 0 ? true : undefined,
      );
      const page = await browser.newPage({ viewport: { width: 1300, height: 900 } });
      await page.goto(`${stack.urls.prometheus}/query?g0.expr=${encodeURIComponent(QUERY)}&g0.tab=table`, {
        waitUntil: 'load',
      });
      const row = page.getByText(`${METRIC}{`).first();
      await row.waitFor({ state: 'visible', timeout: 20_000 });
      expect(await row.innerText()).toContain(`job="${METRIC_PATHS.otel.job}"`);
      await page.screenshot({ path: join(tmpdir(), SCREENSHOTS.prometheus), fullPage: true });
      await page.close();
    });

    it("Alertmanager's alert list shows a firing alert, with a Silence button", async () => {
      const posted = await fetch(`${stack.urls.alertmanager}/api/v2/alerts`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify([
          { labels: { alertname: ALERT, severity: 'warning' }, annotations: { summary: 'UI check' } },
        ]),
      });
      expect(posted.status).toBe(200);
      const page = await browser.newPage({ viewport: { width: 1300, height: 900 } });
      await page.goto(`${stack.urls.alertmanager}/#/alerts`, { waitUntil: 'load' });
      // The Elm UI loads its stylesheets itself: a missing one would leave the page unstyled but still readable.
      const alert = page.getByText(ALERT).first();
      await alert.waitFor({ state: 'visible', timeout: 20_000 });
      await page.getByText('Silence', { exact: true }).first().waitFor({ state: 'visible' });
      // The stylesheets the Elm app loads itself, from where this build serves them (assets/lib/, gzipped).
      const stylesheet = await fetch(
        `${stack.urls.alertmanager}/assets/lib/bootstrap-4.6.2-dist/css/bootstrap.min.css`,
      );
      expect({ status: stylesheet.status, type: stylesheet.headers.get('content-type') }).toEqual({
        status: 200,
        type: 'text/css; charset=utf-8',
      });
      await page.screenshot({ path: join(tmpdir(), SCREENSHOTS.alertmanager), fullPage: true });
      await page.close();
    });
  },
);
