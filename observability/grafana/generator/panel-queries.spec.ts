import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { describeWithBinaries } from '@app/testing';
import { interpolateVariables, listPanelQueries, listVariableQueries } from './panel-queries.js';

describe('interpolateVariables', () => {
  it('replaces Grafana macros and dashboard variables as Grafana would', () => {
    const expr =
      'round(sum(avg_over_time(x{instrumentation=~"$instrumentation", route=~"$route"}[$__range])) * $__range_s) + rate(y[$__rate_interval])';
    expect(
      interpolateVariables(expr, { variables: { instrumentation: 'otel' }, rangeSeconds: 600, rateInterval: '20s' }),
    ).toBe('round(sum(avg_over_time(x{instrumentation=~"otel", route=~".*"}[600s])) * 600) + rate(y[20s])');
  });
});

describe('listPanelQueries', () => {
  it('lists every query of every generated dashboard, with its dashboard and panel', () => {
    const queries = listPanelQueries();
    expect(queries.length).toBeGreaterThan(30);
    for (const query of queries) {
      expect(query.dashboardUid).not.toBe('');
      expect(query.panelTitle).not.toBe('');
      expect(query.expr).not.toBe('');
    }
    expect(new Set(queries.map((query) => `${query.dashboardUid}/${query.panelId}/${query.refId}`)).size).toBe(
      queries.length,
    );
  });

  it('lists the template variables that query Prometheus', () => {
    expect(listVariableQueries().map((variable) => variable.variable)).toContain('route');
  });
});

describeWithBinaries(['promtool'], 'every panel query, once its variables are replaced', ({ promtool }) => {
  let workDir: string;
  beforeAll(() => {
    workDir = mkdtempSync(join(tmpdir(), 'panel-queries-'));
  });
  afterAll(() => rmSync(workDir, { recursive: true, force: true }));

  it("is valid PromQL for Prometheus' own parser (promtool check rules)", () => {
    const queries = [
      ...listPanelQueries().map((query) => interpolateVariables(query.expr)),
      // label_values(series, label) is Grafana's; the series selector inside it is PromQL.
      ...listVariableQueries().map((variable) =>
        interpolateVariables(variable.query.replace(/^label_values\((.*), *\w+\)$/, '$1')),
      ),
    ];
    const file = join(workDir, 'panel-queries.rules.yml');
    writeFileSync(
      file,
      stringify({
        groups: [
          { name: 'panel-queries', rules: queries.map((expr, index) => ({ record: `panel_query_${index}`, expr })) },
        ],
      }),
    );
    let output: string;
    try {
      output = execFileSync(promtool, ['check', 'rules', file], { encoding: 'utf8', stdio: 'pipe' });
    } catch (error) {
      const failure = error as { stdout?: string; stderr?: string };
      throw new Error(`promtool rejected a panel query:\n${failure.stdout ?? ''}${failure.stderr ?? ''}`);
    }
    expect(output).toContain(`SUCCESS: ${queries.length} rules found`);
  });
});
