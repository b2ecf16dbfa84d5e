import { ConfigValidationError } from '@app/config';
import {
  type DashboardFileReader,
  LOCAL_DASHBOARD_DEFAULTS,
  readLocalDashboardConfig,
} from './local-dashboard.config.js';

const MINIMAL_DASHBOARD = JSON.stringify({
  uid: 'minimal',
  title: 'Minimal',
  panels: [{ id: 1, type: 'timeseries', title: 'Up', targets: [{ refId: 'A', expr: 'up' }] }],
});

const oneFile =
  (content: string): DashboardFileReader =>
  () =>
    content;

function problemsOf(env: Record<string, string>, readFile: DashboardFileReader = oneFile(MINIMAL_DASHBOARD)): string[] {
  try {
    readLocalDashboardConfig(env, readFile);
  } catch (error) {
    if (error instanceof ConfigValidationError) return [...error.problems];
    throw error;
  }
  throw new Error('expected the configuration to be rejected');
}

describe('readLocalDashboardConfig', () => {
  it('has defaults for everything, and reads the committed service overview by default', () => {
    const config = readLocalDashboardConfig({});
    expect(config).toMatchObject({
      port: 8083,
      host: '0.0.0.0',
      prometheusUrl: 'http://127.0.0.1:9090',
      prometheusTimeoutMs: 10_000,
      refreshSeconds: 5,
      dashboardFile: LOCAL_DASHBOARD_DEFAULTS.dashboardFile,
    });
    expect(config.dashboardFile).toMatch(/observability\/grafana\/dashboards\/service-overview\.json$/);
    expect(config.dashboard.uid).toBe('tasks-service-overview');
  });

  it('reads every variable', () => {
    const files: string[] = [];
    const config = readLocalDashboardConfig(
      {
        PORT: '9100',
        HOST: '127.0.0.1',
        PROMETHEUS_URL: 'http://prometheus:9090/prefix/',
        LOCAL_DASHBOARD_PROMETHEUS_TIMEOUT_MS: '2500',
        LOCAL_DASHBOARD_REFRESH_SECONDS: '10',
        LOCAL_DASHBOARD_FILE: '/tmp/minimal.json',
      },
      (path) => {
        files.push(path);
        return MINIMAL_DASHBOARD;
      },
    );
    expect(config).toMatchObject({
      port: 9100,
      host: '127.0.0.1',
      // The proxy appends /api/v1/...: a trailing slash would double it.
      prometheusUrl: 'http://prometheus:9090/prefix',
      prometheusTimeoutMs: 2500,
      refreshSeconds: 10,
      dashboardFile: '/tmp/minimal.json',
    });
    expect(config.dashboard.title).toBe('Minimal');
    expect(files).toEqual(['/tmp/minimal.json']);
  });

  it.each([
    [{ PORT: '70000' }, 'PORT'],
    [{ PORT: 'http' }, 'PORT'],
    [{ PROMETHEUS_URL: 'prometheus:9090' }, 'PROMETHEUS_URL'],
    [{ PROMETHEUS_URL: 'not a url' }, 'PROMETHEUS_URL'],
    [{ PROMETHEUS_URL: 'ftp://127.0.0.1:9090' }, 'PROMETHEUS_URL'],
    [{ PROMETHEUS_URL: 'http://127.0.0.1:9090/?x=1' }, 'PROMETHEUS_URL'],
    [{ PROMETHEUS_URL: 'http://user:secret@127.0.0.1:9090' }, 'PROMETHEUS_URL'],
    [{ LOCAL_DASHBOARD_PROMETHEUS_TIMEOUT_MS: '10' }, 'LOCAL_DASHBOARD_PROMETHEUS_TIMEOUT_MS'],
    [{ LOCAL_DASHBOARD_PROMETHEUS_TIMEOUT_MS: '1s' }, 'LOCAL_DASHBOARD_PROMETHEUS_TIMEOUT_MS'],
    [{ LOCAL_DASHBOARD_REFRESH_SECONDS: '0' }, 'LOCAL_DASHBOARD_REFRESH_SECONDS'],
    [{ LOCAL_DASHBOARD_REFRESH_SECONDS: '2.5' }, 'LOCAL_DASHBOARD_REFRESH_SECONDS'],
  ])('rejects %j, naming %s', (env, variable) => {
    const problems = problemsOf(env);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(new RegExp(`^${variable} `));
  });

  it('rejects a dashboard file that cannot be read, naming the variable', () => {
    const problems = problemsOf({ LOCAL_DASHBOARD_FILE: '/missing.json' }, (path) => {
      throw new Error(`ENOENT: no such file or directory, open '${path}'`);
    });
    expect(problems).toEqual([
      "LOCAL_DASHBOARD_FILE cannot be read as JSON (ENOENT: no such file or directory, open '/missing.json')",
    ]);
  });

  it.each([
    ['not JSON', '{ panels: ', 'cannot be read as JSON'],
    ['JSON but no dashboard', '[1, 2]', 'the file holds no JSON object'],
    ['a dashboard without a panel it can draw', '{"panels": [{"id": 1, "type": "text"}]}', 'no panel of a type'],
  ])('rejects a file holding %s', (_what, content, reason) => {
    const problems = problemsOf({ LOCAL_DASHBOARD_FILE: '/bad.json' }, oneFile(content));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^LOCAL_DASHBOARD_FILE /);
    expect(problems[0]).toContain(reason);
  });

  it('names every bad variable at once', () => {
    const problems = problemsOf({ PORT: '-1', PROMETHEUS_URL: 'x', LOCAL_DASHBOARD_REFRESH_SECONDS: 'often' });
    expect(problems.map((problem) => problem.split(' ')[0])).toEqual([
      'PORT',
      'PROMETHEUS_URL',
      'LOCAL_DASHBOARD_REFRESH_SECONDS',
    ]);
  });
});
