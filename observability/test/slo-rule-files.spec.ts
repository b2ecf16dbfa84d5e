import { jest } from '@jest/globals';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { AVAILABILITY_SLO } from '@app/metrics';
import { describeWithBinaries } from '@app/testing';
import { BURN_RATE_ALERTS, errorRatioThreshold } from '../prometheus/slo/burn-rate-alerts.js';
import { renderRuleFiles } from '../prometheus/generated-rule-files.js';
import { expectSuccess, runTool } from '@app/testing';

type Rendered = Record<string, string>;

const SLO_FILES = ['slo.alerts.test.yml', 'slo.alerts.yml', 'slo.rules.yml'];
const sloFilesOf = (rendered: Rendered): Rendered =>
  Object.fromEntries(Object.entries(rendered).filter(([file]) => SLO_FILES.includes(basename(file))));

/** Renders the SLO files as if AVAILABILITY_SLO were `slo`: the one place it is set, so the one thing to vary. */
async function renderWithSlo(slo: number): Promise<Rendered> {
  const actual = await import('@app/metrics');
  // A fresh module graph in which @app/metrics says `slo`: ES modules are mocked before they are imported.
  jest.resetModules();
  jest.unstable_mockModule('@app/metrics', () => ({ ...actual, AVAILABILITY_SLO: slo }));
  try {
    return sloFilesOf((await import('../prometheus/generated-rule-files.js')).renderRuleFiles());
  } finally {
    jest.resetModules();
  }
}

describe('the generated SLO rule files', () => {
  const generated = sloFilesOf(renderRuleFiles());

  it('generates the recording rules, the alerts and their promtool test', () => {
    expect(
      Object.keys(generated)
        .map((file) => basename(file))
        .sort(),
    ).toEqual([...SLO_FILES].sort());
  });

  it('alert above burn rate × (1 − AVAILABILITY_SLO), on both windows of each pair', () => {
    const alertsFile = Object.entries(generated).find(([file]) => file.endsWith('slo.alerts.yml'))?.[1] ?? '';
    for (const alert of BURN_RATE_ALERTS) {
      const threshold = errorRatioThreshold(alert.burnRate, AVAILABILITY_SLO);
      expect(alertsFile).toContain(`service:http_request_errors:ratio_rate${alert.longWindow} > ${threshold}`);
      expect(alertsFile).toContain(`service:http_request_errors:ratio_rate${alert.shortWindow} > ${threshold}`);
    }
    expect(errorRatioThreshold(14.4, 0.99)).toBe(0.144);
    expect(errorRatioThreshold(6, 0.999)).toBe(0.006);
  });

  it.each([1, 0, 1.5])('rejects an SLO of %s', (slo) => {
    expect(() => errorRatioThreshold(6, slo)).toThrow('strictly between 0 and 1');
  });

  it('follows a change of AVAILABILITY_SLO (thresholds and expected texts)', async () => {
    const alerts = Object.entries(await renderWithSlo(0.999)).find(([file]) => file.endsWith('slo.alerts.yml'))?.[1];
    expect(alerts).toContain('service:http_request_errors:ratio_rate1h > 0.0144');
    expect(alerts).toContain('of the 99.9% availability SLO');
  });
});

describeWithBinaries(['promtool'], 'the SLO rules generated for other objectives, in promtool', ({ promtool }) => {
  it.each([0.95, 0.999])('are valid and pass their generated unit tests with AVAILABILITY_SLO = %s', async (slo) => {
    const workDir = mkdtempSync(join(tmpdir(), 'slo-rules-'));
    try {
      // The same layout as observability/prometheus: the test names its rule files as ../rules/*.
      for (const folder of ['rules', 'tests']) mkdirSync(join(workDir, folder));
      for (const [file, content] of Object.entries(await renderWithSlo(slo))) {
        const folder = file.endsWith('.test.yml') ? 'tests' : 'rules';
        writeFileSync(join(workDir, folder, basename(file)), content);
      }
      const ruleFiles = ['slo.rules.yml', 'slo.alerts.yml'].map((name) => join(workDir, 'rules', name));
      expectSuccess(
        await runTool(promtool, ['check', 'rules', '--lint=all', '--lint-fatal', ...ruleFiles]),
        'check rules',
      );
      expectSuccess(
        await runTool(promtool, ['test', 'rules', 'slo.alerts.test.yml'], join(workDir, 'tests')),
        'test rules',
      );
    } finally {
      rmSync(workDir, { recursive: true, force: true });
    }
  });
});
