import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Dashboard } from '@grafana/grafana-foundation-sdk/dashboard';
import { OTEL_HTTP_METRICS, PROM_CLIENT_HTTP_METRICS } from '@app/metrics';
import { present } from '@app/testing';
import {
  buildDashboard,
  committedPanelIds,
  DASHBOARDS_DIR,
  GENERATED_DASHBOARDS,
  numberPanels,
  renderDashboard,
} from './dashboards.js';
import { PROMETHEUS_DATASOURCE } from './grafana-datasources.js';
import { KNOWN_METRIC_NAMES } from '../../prometheus/known-series.js';
import { promqlNames } from '../../prometheus/promql-names.js';
import { interpolateVariables, queriesOfDashboard } from './panel-queries.js';
import { SERVICE_OVERVIEW_UID } from './service-overview.dashboard.js';

/** The metric names a panel query reads, once Grafana's variables are replaced as Grafana would. */
const metricNamesIn = (expr: string): string[] => promqlNames(interpolateVariables(expr)).metrics;

interface RawPanel {
  id?: number;
  type: string;
  title?: string;
  gridPos?: { x: number; y: number; w: number; h: number };
  datasource?: unknown;
  targets?: { expr?: string }[];
  fieldConfig?: { defaults?: { unit?: string } };
  options?: { yAxis?: { unit?: string } };
  panels?: RawPanel[];
}

const panelsOf = (dashboard: Dashboard): RawPanel[] => {
  const flatten = (panels: RawPanel[]): RawPanel[] => panels.flatMap((p) => [p, ...flatten(p.panels ?? [])]);
  return flatten((dashboard.panels ?? []) as RawPanel[]);
};

/** Every value of a `datasource` key, anywhere in the dashboard (panels, targets, variables). */
function datasourceRefs(node: unknown): unknown[] {
  if (Array.isArray(node)) return node.flatMap(datasourceRefs);
  if (node === null || typeof node !== 'object') return [];
  return Object.entries(node).flatMap(([key, value]: [string, unknown]) =>
    key === 'datasource' ? [value] : datasourceRefs(value),
  );
}

const dashboards = GENERATED_DASHBOARDS.map((generated) => ({ ...generated, dashboard: buildDashboard(generated) }));

it('the committed dashboards directory holds exactly the generated files', () => {
  const committed = readdirSync(DASHBOARDS_DIR).filter((file) => file.endsWith('.json'));
  expect(committed.sort()).toEqual(GENERATED_DASHBOARDS.map((generated) => generated.file).sort());
});

describe('panel ids', () => {
  const [generated] = GENERATED_DASHBOARDS;
  const committed = committedPanelIds(generated.file);
  const idsOf = (dashboard: Dashboard) => new Map(panelsOf(dashboard).map((panel) => [panel.title, panel.id]));

  it('are those of the committed JSON', () => {
    expect(committed.size).toBeGreaterThan(5);
    expect(idsOf(buildDashboard(generated))).toEqual(committed);
  });

  it('do not move when a panel is added before the others: the new one takes the next free id', () => {
    const built = generated.build();
    const added = { type: 'text', title: 'A panel added at the top' };
    const renumbered = numberPanels({ ...built, panels: [added, ...(built.panels ?? [])] }, committed);
    const ids = idsOf(renumbered);
    for (const [title, id] of committed) expect({ title, id: ids.get(title) }).toEqual({ title, id });
    expect(ids.get(added.title)).toBe(Math.max(...committed.values()) + 1);
  });
});

it('dashboard uids are distinct', () => {
  const uids = dashboards.map(({ dashboard }) => dashboard.uid);
  expect(new Set(uids).size).toBe(uids.length);
});

describe.each(dashboards)('$file', ({ file, dashboard }) => {
  const panels = panelsOf(dashboard);
  const queryPanels = panels.filter((panel) => (panel.targets ?? []).length > 0);
  const queries = queriesOfDashboard(dashboard);

  it('is committed exactly as the generator writes it (run `npm run dashboards` after changing the generator)', () => {
    expect(readFileSync(join(DASHBOARDS_DIR, file), 'utf8')).toBe(renderDashboard(dashboard));
  });

  it('refers only to the provisioned Prometheus data source, by its fixed uid', () => {
    const refs = datasourceRefs(dashboard);
    expect(refs.length).toBeGreaterThan(queries.length);
    for (const ref of refs) expect(ref).toEqual(PROMETHEUS_DATASOURCE);
    for (const panel of queryPanels)
      expect({ panel: panel.title, ref: panel.datasource }).toEqual({ panel: panel.title, ref: PROMETHEUS_DATASOURCE });
  });

  it('gives every panel that queries a unit (and a heatmap its bucket axis unit)', () => {
    expect(queryPanels.length).toBeGreaterThan(0);
    const withoutUnit = queryPanels.filter((panel) => !panel.fieldConfig?.defaults?.unit).map((panel) => panel.title);
    expect(withoutUnit).toEqual([]);
    const heatmapsWithoutAxisUnit = queryPanels
      .filter((panel) => panel.type === 'heatmap' && !panel.options?.yAxis?.unit)
      .map((panel) => panel.title);
    expect(heatmapsWithoutAxisUnit).toEqual([]);
  });

  it('reads only series from the catalogue, the recording rules or the known runtime metrics', () => {
    for (const query of queries) {
      const names = metricNamesIn(query.expr);
      expect({ panel: query.panelTitle, expr: query.expr, readsSomething: names.length > 0 }).toEqual({
        panel: query.panelTitle,
        expr: query.expr,
        readsSomething: true,
      });
      const unknown = names.filter((name) => !KNOWN_METRIC_NAMES.has(name));
      expect({ panel: query.panelTitle, unknown }).toEqual({ panel: query.panelTitle, unknown: [] });
    }
  });

  it('uses only template variables it defines', () => {
    const defined = new Set((dashboard.templating.list ?? []).map((variable) => variable.name));
    const sources = [
      ...queries.map((query) => query.expr),
      // The generator writes variable queries as text; one given as an object would hold no PromQL to search.
      ...(dashboard.templating.list ?? []).map((variable) =>
        typeof variable.query === 'string' ? variable.query : '',
      ),
    ];
    const used = sources.flatMap((source) => [...source.matchAll(/\$(\w+)/g)].map((match) => match[1]));
    const undefinedVariables = used.filter((name) => !name.startsWith('__') && !defined.has(name));
    expect(undefinedVariables).toEqual([]);
  });

  it('has distinct panel ids and titles, so that links and the live test can name each panel', () => {
    const ids = panels.map((panel) => panel.id);
    expect(ids.every((id) => typeof id === 'number' && id > 0)).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
    const titles = panels.map((panel) => panel.title);
    expect(new Set(titles).size).toBe(titles.length);
  });

  it('lays panels out without overlaps, inside the 24-column grid', () => {
    const boxes = panels.map((panel) => ({
      title: panel.title,
      ...present(panel.gridPos, `the position of ${String(panel.title)}`),
    }));
    for (const box of boxes) expect(box.x + box.w).toBeLessThanOrEqual(24);
    for (const [index, a] of boxes.entries()) {
      for (const b of boxes.slice(index + 1)) {
        const overlap = a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
        expect({ a: a.title, b: b.title, overlap }).toEqual({ a: a.title, b: b.title, overlap: false });
      }
    }
  });
});

describe('the service overview', () => {
  const { dashboard: overview } = present(
    dashboards.find(({ dashboard }) => dashboard.uid === SERVICE_OVERVIEW_UID),
    'the service overview dashboard',
  );
  const queries = queriesOfDashboard(overview);

  it("reads HTTP traffic from the recording rules, never from either path's raw HTTP series", () => {
    const raw = [PROM_CLIENT_HTTP_METRICS.requests, PROM_CLIENT_HTTP_METRICS.duration, OTEL_HTTP_METRICS.duration].map(
      (metric) => metric.name,
    );
    const rawReads = queries.filter((query) =>
      metricNamesIn(query.expr).some((name) => raw.some((base) => name === base || name.startsWith(`${base}_`))),
    );
    expect(rawReads.map((query) => query.panelTitle)).toEqual([]);
  });

  it('follows 404 and 500 per route, the course assignment', () => {
    for (const code of ['404', '500']) {
      const panel = queries.find((query) => query.panelTitle.startsWith(code));
      expect(panel?.expr).toContain(`http_response_status_code="${code}"`);
      expect(panel?.expr).toMatch(/by \(instrumentation, http_route\)/);
    }
  });
});
