/**
 * The compiled baseline app as a real process, as the benchmark runs it: the same routes and answers
 * as the metric paths, and no metrics at all. Needs `npm run build` first (`npm test` does it).
 */
import { expect } from '@jest/globals';
import { NO_WAIT_TASKS_ENV } from '@app/tasks';
import { builtEntry, freePort, ManagedProcess, REPO_ROOT, startBuiltApp, type StartedApp } from '@app/testing';

async function get(url: string): Promise<{ status: number; body: unknown }> {
  const response = await fetch(url);
  const text = await response.text();
  return { status: response.status, body: text.startsWith('{') ? JSON.parse(text) : text };
}

describe('baseline-app, compiled and run as a process', () => {
  let app: StartedApp;
  let baseUrl: string;

  beforeAll(async () => {
    const port = await freePort();
    baseUrl = `http://127.0.0.1:${port}`;
    const env = { PORT: String(port), HOST: '127.0.0.1', ...NO_WAIT_TASKS_ENV };
    app = await startBuiltApp('baseline-app', { ...env, TASKS_MAX_LATENCY_MS: '0' }, `${baseUrl}/health`);
  });

  // Unset when beforeAll failed before starting it: afterAll runs all the same.
  afterAll(() => (app as StartedApp | undefined)?.stop());

  it('names no framework in its answers (no X-Powered-By)', async () => {
    const response = await fetch(`${baseUrl}/one`);
    await response.arrayBuffer();
    expect(response.headers.get('x-powered-by')).toBeNull();
  });

  it('answers the task routes as the metric paths do', async () => {
    expect(await get(`${baseUrl}/one`)).toEqual({ status: 200, body: { task: 'one', outcome: 'ok', status: 200 } });
    expect((await get(`${baseUrl}/error`)).status).toBe(500);
    const forced = '/sample-signals?weight_ok=0&weight_not_found=1&weight_server_error=0';
    expect((await get(`${baseUrl}${forced}`)).status).toBe(404);
    expect((await get(`${baseUrl}/sample-signals?weight_ok=lots`)).body).toMatchObject({
      statusCode: 400,
      message: expect.stringContaining('weight_ok'),
    });
  });

  it('serves no metrics', async () => {
    expect((await get(`${baseUrl}/metrics`)).status).toBe(404);
  });

  it('refuses a bad variable at start-up, naming it', async () => {
    const proc = new ManagedProcess({
      name: 'baseline-app',
      command: process.execPath,
      args: [builtEntry('baseline-app')],
      env: { PORT: '-1', TASKS_MAX_LATENCY_MS: 'soon' },
      cwd: REPO_ROOT,
    });
    expect(await proc.waitForExit()).toBe(1);
    expect(proc.logs).toContain('PORT must be an integer between 0 and 65535, got -1');
    expect(proc.logs).toContain('TASKS_MAX_LATENCY_MS must be an integer, got "soon"');
  });
});
