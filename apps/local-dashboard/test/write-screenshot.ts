/**
 * Writes the README's picture of the page, docs/images/local-dashboard.png (or the path given): the test
 * stack with the apps' real latencies and three minutes of steady traffic, so that every chart has a
 * history, then the page in headless Chromium once every panel shows data. About four minutes:
 *
 *   npm run build && npx tsx apps/local-dashboard/test/write-screenshot.ts [path.png]
 */
import { TASKS_DEFAULTS } from '@app/tasks';
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { REPO_ROOT, requireBinaries, sendTrafficForEveryPanel, startTestStack, waitFor } from '@app/testing';
import { DashboardPage } from './fixtures/dashboard-page.js';

const TRAFFIC_SECONDS = 180;

async function main(): Promise<void> {
  const output = resolve(REPO_ROOT, process.argv[2] ?? 'docs/images/local-dashboard.png');
  const { paths, skipReason } = requireBinaries('prometheus', 'alertmanager', 'chromium');
  if (skipReason !== undefined) throw new Error(skipReason);
  const formatKeyed = (values: Readonly<Record<string, number>>) =>
    Object.entries(values)
      .map(([key, value]) => `${key}=${value}`)
      .join(',');
  const say = (line: string) => process.stdout.write(`${line}\n`);
  // The apps' own default waits, not the test stack's zeros: the latency panels then show the routes apart.
  const stack = await startTestStack({
    TASKS_ROUTE_MAX_LATENCY_MS: formatKeyed(TASKS_DEFAULTS.routeMaxLatencyMs),
    TASKS_MAX_LATENCY_MS: String(TASKS_DEFAULTS.sampleMaxLatencyMs),
  });
  try {
    say(`stack up, dashboard at ${stack.urls.dashboard}; ${TRAFFIC_SECONDS} s of traffic`);
    // The tests' traffic for every panel, spread over minutes so that the charts have a history.
    await sendTrafficForEveryPanel(stack, { concurrency: 16, rate: 30, durationSeconds: TRAFFIC_SECONDS, seed: 3 });
    const page = await DashboardPage.open(`${stack.urls.dashboard}/?range=5m`, paths.chromium);
    try {
      await page.waitForAllPanelsWithData();
      // A refresh after the last one that showed data: every chart drawn at its final size.
      const refreshes = await page.refreshes();
      await waitFor('one more refresh', async () => ((await page.refreshes()) > refreshes ? true : undefined), {
        timeoutMs: 30_000,
      });
      mkdirSync(dirname(output), { recursive: true });
      await page.screenshot(output);
      say(`wrote ${output}`);
    } finally {
      await page.close();
    }
  } finally {
    await stack.stop();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`write-screenshot: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
