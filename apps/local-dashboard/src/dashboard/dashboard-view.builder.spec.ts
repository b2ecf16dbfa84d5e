import { expect } from '@jest/globals';
import { TASK_NAMES } from '@app/metrics';
import { HttpException } from '@nestjs/common';
import { readLocalDashboardConfig } from '../local-dashboard.config.js';
import { buildDashboardView, parseSelection, promqlRegexLiteral, RANGE_OPTIONS } from './dashboard-view.builder.js';

const { dashboard } = readLocalDashboardConfig({});
const panelTitled = (view: ReturnType<typeof buildDashboardView>, title: string) =>
  view.sections.flatMap((section) => section.panels).find((panel) => panel.title === title);

function refusal(query: string): { status: number; body: Record<string, unknown> } {
  try {
    parseSelection(dashboard, new URLSearchParams(query));
  } catch (error) {
    if (!(error instanceof HttpException)) throw error;
    return { status: error.getStatus(), body: error.getResponse() as Record<string, unknown> };
  }
  throw new Error(`expected ${query} to be refused`);
}

describe('parseSelection', () => {
  it('opens on the dashboard’s own range with every variable on "All"', () => {
    expect(parseSelection(dashboard, new URLSearchParams())).toEqual({
      range: { value: '30m', seconds: 1800 },
      variables: {},
    });
  });

  it('reads the range and the variables as Grafana spells them in its URLs', () => {
    expect(
      parseSelection(dashboard, new URLSearchParams('range=5m&var-instrumentation=otel&var-route=/sample-signals')),
    ).toEqual({
      range: { value: '5m', seconds: 300 },
      variables: { instrumentation: 'otel', route: '/sample-signals' },
    });
  });

  it.each([
    ['range=2y', 'range', 'must be one of 5m, 15m'],
    ['range=5m&range=1h', 'range', 'must be given once'],
    ['var-instrumentation=graphite', 'var-instrumentation', 'must be one of otel, prom-client'],
    ['var-route=', 'var-route', 'printable characters'],
    ['var-route=%2Fone%0A', 'var-route', 'printable characters'],
    ['var-nope=1', 'var-nope', 'is not a known query parameter'],
  ])('answers %s with a 400 naming %s', (query, parameter, message) => {
    const { status, body } = refusal(query);
    expect(status).toBe(400);
    expect(body).toMatchObject({ statusCode: 400, error: 'Bad Request', parameter });
    expect(body.message).toContain(message);
  });

  it('answers a label value longer than any route template with a 400', () => {
    const { status, body } = refusal(`var-route=${'x'.repeat(201)}`);
    expect(status).toBe(400);
    expect(body).toMatchObject({ parameter: 'var-route', message: expect.stringContaining('1 to 200') });
  });
});

describe('promqlRegexLiteral', () => {
  it('matches the value itself only, and cannot end the PromQL string', () => {
    expect(promqlRegexLiteral('/sample-signals')).toBe('/sample-signals');
    expect(promqlRegexLiteral('/a.b')).toBe('/a\\\\.b');
    expect(promqlRegexLiteral('x"} or vector(1) #')).toBe('x\\"\\\\} or vector\\\\(1\\\\) #');
    expect(promqlRegexLiteral('back\\slash')).toBe('back\\\\\\\\slash');
  });
});

describe('buildDashboardView', () => {
  it('interpolates every query with the chosen variables, the range and the rate interval, and nothing is left', () => {
    const view = buildDashboardView(
      dashboard,
      parseSelection(dashboard, new URLSearchParams('range=15m&var-instrumentation=otel')),
      5,
    );
    expect(panelTitled(view, '404 Not Found per route')?.targets[0].expr).toBe(
      'sum by (instrumentation, http_route) (service_route_method_code:http_requests:rate5m{instrumentation=~"otel", http_route=~".*", http_response_status_code="404"})',
    );
    expect(panelTitled(view, '4xx and 5xx answers in the time range')?.targets[0].expr).toContain('[900s])) * 900)');
    expect(panelTitled(view, 'Time spent in garbage collection')?.targets[0].expr).toContain('[1m]');
    const exprs = view.sections.flatMap((section) =>
      section.panels.flatMap((panel) => panel.targets.map((t) => t.expr)),
    );
    expect(exprs.filter((expr) => expr.includes('$'))).toEqual([]);
  });

  it('gives the page its range, step, refresh and the variables with their choices', () => {
    const view = buildDashboardView(dashboard, parseSelection(dashboard, new URLSearchParams('var-route=/one')), 7);
    expect(view).toMatchObject({
      title: 'Tasks service overview',
      refreshSeconds: 7,
      range: { value: '30m', seconds: 1800 },
      stepSeconds: 6,
      ranges: RANGE_OPTIONS,
      notDrawn: [{ title: 'Latency distribution', type: 'heatmap' }],
    });
    expect(view.variables).toEqual([
      { name: 'instrumentation', label: 'Instrumentation', selected: undefined, options: ['otel', 'prom-client'] },
      {
        name: 'route',
        label: 'Route',
        selected: '/one',
        optionsQuery: {
          expr: 'group by (http_route) (service_route_method_code:http_requests:rate5m{instrumentation=~".*"})',
          label: 'http_route',
        },
      },
      {
        name: 'task',
        label: 'Task',
        selected: undefined,
        options: TASK_NAMES,
      },
    ]);
  });

  it('keeps every range query within a few hundred points', () => {
    for (const range of RANGE_OPTIONS) {
      const view = buildDashboardView(dashboard, { range, variables: {} }, 5);
      expect(range.seconds / view.stepSeconds).toBeLessThanOrEqual(300);
    }
  });
});
