import { TASK_NAMES } from '@app/metrics';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from '@app/testing';
import { DashboardFormatError, extractDashboard, type PanelModel } from './grafana-dashboard.js';

interface RawPanel {
  id: number;
  type: string;
  title: string;
  panels?: RawPanel[];
  targets?: Array<{ refId: string; expr: string; legendFormat?: string; instant?: boolean }>;
}

const COMMITTED = JSON.parse(
  readFileSync(join(REPO_ROOT, 'observability', 'grafana', 'dashboards', 'service-overview.json'), 'utf8'),
) as { panels: RawPanel[] };
const rawPanels = COMMITTED.panels.flatMap((panel) => [panel, ...(panel.panels ?? [])]);

describe('extractDashboard, on the committed service overview', () => {
  const dashboard = extractDashboard(COMMITTED);
  const panels = dashboard.sections.flatMap((section) => section.panels);
  const titled = (pattern: RegExp): PanelModel => {
    const found = panels.filter((panel) => pattern.test(panel.title));
    expect(found).toHaveLength(1);
    return found[0];
  };

  it('reads the title, the time range it opens on, and the variables with their values', () => {
    expect(dashboard).toMatchObject({ uid: 'tasks-service-overview', defaultRangeSeconds: 1800 });
    expect(dashboard.variables).toEqual([
      { kind: 'custom', name: 'instrumentation', label: 'Instrumentation', options: ['otel', 'prom-client'] },
      {
        kind: 'label_values',
        name: 'route',
        label: 'Route',
        selector: 'service_route_method_code:http_requests:rate5m{instrumentation=~"$instrumentation"}',
        labelName: 'http_route',
      },
      { kind: 'custom', name: 'task', label: 'Task', options: TASK_NAMES },
    ]);
  });

  it("has the course assignment's panels, with the JSON's queries and legends unchanged", () => {
    const assignment = [
      /^404 Not Found per route$/,
      /^500 Internal Server Error per route$/,
      /^5xx error ratio against the error budget$/,
      /p99 per route$/,
      /^Firing alerts$/,
    ].map(titled);
    expect(assignment.map((panel) => panel.type)).toEqual([
      'timeseries',
      'timeseries',
      'timeseries',
      'timeseries',
      'table',
    ]);
    for (const panel of assignment) {
      const raw = rawPanels.find((candidate) => candidate.id === panel.id);
      expect(panel.targets).toEqual(
        raw?.targets?.map((target) => ({
          refId: target.refId,
          expr: target.expr,
          legendFormat: target.legendFormat ?? '',
          instant: target.instant === true,
        })),
      );
    }
    expect(titled(/^404 Not Found per route$/).targets[0].legendFormat).toBe('{{instrumentation}} {{http_route}}');
  });

  it('draws every timeseries, stat, table and bar gauge panel of the JSON, and lists the others', () => {
    const drawable = rawPanels.filter((panel) => ['timeseries', 'stat', 'table', 'bargauge'].includes(panel.type));
    expect(panels.map((panel) => panel.id)).toEqual(drawable.map((panel) => panel.id));
    expect(panels.filter((panel) => panel.type === 'timeseries').length).toBeGreaterThanOrEqual(14);
    expect(dashboard.notDrawn).toEqual([{ id: 14, title: 'Latency distribution', type: 'heatmap' }]);
  });

  it('groups the panels under their rows, the first ones under no title', () => {
    expect(dashboard.sections.map((section) => section.title)).toEqual([
      undefined,
      'Error codes per route',
      'Availability against the SLO',
      'Latency',
      'Business metrics (tasks)',
      'Node.js runtime',
    ]);
    expect(dashboard.sections[0].panels.map((panel) => panel.title)).toEqual([
      'Requests per second',
      '5xx error ratio (5 min)',
      'Firing alerts',
    ]);
  });

  it("keeps what drawing needs: unit, grid size, thresholds and their style, the table's hidden columns", () => {
    expect(titled(/^5xx error ratio against the error budget$/)).toMatchObject({
      unit: 'percentunit',
      min: 0,
      width: 12,
      height: 8,
      thresholds: [
        { value: null, color: 'green' },
        { value: 0.01, color: 'red' },
      ],
      thresholdsStyle: 'dashed',
    });
    expect(titled(/^Firing alerts$/)).toMatchObject({
      hiddenColumns: ['Time', 'Value', '__name__', 'alertstate'],
      targets: [expect.objectContaining({ expr: 'ALERTS{alertstate="firing"}', instant: true })],
    });
  });
});

describe('extractDashboard, on other dashboards', () => {
  const timeseries = (id: number, extra: Record<string, unknown> = {}) => ({
    id,
    type: 'timeseries',
    title: `panel ${id}`,
    targets: [{ refId: 'A', expr: 'up' }],
    ...extra,
  });

  it('reads the panels of a collapsed row, which Grafana keeps inside the row', () => {
    const dashboard = extractDashboard({
      panels: [timeseries(1), { id: 2, type: 'row', title: 'Closed', collapsed: true, panels: [timeseries(3)] }],
    });
    expect(dashboard.sections.map((section) => [section.title, section.panels.map((panel) => panel.id)])).toEqual([
      [undefined, [1]],
      ['Closed', [3]],
    ]);
  });

  it("leaves out a panel of another data source, and one with Grafana's defaults takes them", () => {
    const dashboard = extractDashboard({
      panels: [
        timeseries(1, { datasource: { type: 'alertmanager', uid: 'am' } }),
        timeseries(2, { targets: [{ refId: 'A', expr: 'up', datasource: { type: 'loki' } }] }),
        timeseries(3),
      ],
    });
    const [panel] = dashboard.sections[0].panels;
    expect(dashboard.sections[0].panels).toHaveLength(1);
    expect(panel).toMatchObject({ id: 3, unit: 'short', min: null, width: 12, height: 8, thresholdsStyle: 'off' });
    expect(dashboard.notDrawn.map((notDrawn) => notDrawn.id)).toEqual([1, 2]);
    expect(dashboard).toMatchObject({ title: 'Dashboard', defaultRangeSeconds: 1800, variables: [] });
  });

  it('reads a label_values() variable without a selector, and ignores kinds it cannot list', () => {
    const dashboard = extractDashboard({
      panels: [timeseries(1)],
      time: { from: 'now-6h', to: 'now' },
      templating: {
        list: [
          { type: 'query', name: 'job', query: { query: 'label_values(job)' } },
          { type: 'interval', name: 'step', query: '1m,5m' },
        ],
      },
    });
    expect(dashboard.variables).toEqual([
      { kind: 'label_values', name: 'job', label: 'job', selector: '{job!=""}', labelName: 'job' },
    ]);
    expect(dashboard.defaultRangeSeconds).toBe(21_600);
  });

  it.each([
    ['no object', 'a string', 'the file holds no JSON object'],
    ['no panel list', { panels: {} }, '"panels" is not a list'],
    ['a panel that is no object', { panels: [3] }, 'panel 0 is not an object'],
    ['a panel without id', { panels: [{ type: 'stat', title: 'x', targets: [{ expr: 'up' }] }] }, 'has no numeric id'],
    ['a target without expr', { panels: [timeseries(1, { targets: [{ refId: 'A' }] })] }, 'has no PromQL "expr"'],
    ['a panel without query', { panels: [timeseries(1, { targets: [] })] }, 'has no query'],
    ['nothing it can draw', { panels: [{ id: 1, type: 'text' }] }, 'no panel of a type'],
  ])('refuses %s, saying where', (_what, json, message) => {
    expect(() => extractDashboard(json)).toThrow(DashboardFormatError);
    expect(() => extractDashboard(json)).toThrow(message);
  });
});
