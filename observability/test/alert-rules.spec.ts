import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from '@app/testing';
import { alertingRules, ruleFilePaths } from '../prometheus/rule-files.js';
import { runbookAnchor, runbookUrl } from '../prometheus/runbook-url.js';
import { SLO_MIN_REQUEST_RATE } from '../prometheus/slo/burn-rate-alerts.js';
import { loadRuleTestFiles } from './rule-tests.js';

const RUNBOOKS_FILE = join(REPO_ROOT, 'docs', 'runbooks.md');
/** The alert that fires always, by design: it has no silent case and no severity that pages. */
const WATCHDOG = 'Watchdog';

const alerts = alertingRules().map(({ rule }) => rule);
const alertNames = [...new Set(alerts.map((rule) => rule.alert))];
const ruleTests = loadRuleTestFiles();

/** GitHub's anchors of the `## ` headings. */
function runbookAnchors(): string[] {
  return [...readFileSync(RUNBOOKS_FILE, 'utf8').matchAll(/^## (.+)$/gm)].map(([, heading]) =>
    heading
      .trim()
      .toLowerCase()
      .replace(/[^\w\- ]/g, '')
      .replace(/ /g, '-'),
  );
}

describe('alerting rules', () => {
  it('exist', () => {
    expect(alerts.length).toBeGreaterThan(0);
  });

  describe.each(alerts.map((rule) => [`${rule.alert} (${String(rule.labels?.severity)})`, rule] as const))(
    '%s',
    (_title, rule) => {
      it('is named <Component><Symptom> in CamelCase', () => {
        expect(rule.alert).toMatch(/^(?:[A-Z][a-z0-9]+)+$/);
      });

      it('has a severity that routes it: critical or warning (none for the Watchdog only)', () => {
        expect(rule.labels?.severity).toEqual(
          rule.alert === WATCHDOG ? 'none' : expect.stringMatching(/^(critical|warning)$/),
        );
      });

      it('has a for: duration', () => {
        expect(rule.for).toMatch(/^\d+[smh]$/);
      });

      it('has a summary, and a description that gives the current value', () => {
        expect(rule.annotations?.summary?.trim()).toBeTruthy();
        expect(rule.annotations?.description).toMatch(/\{\{ \$value( \| \w+)? \}\}/);
      });

      it('links its runbook section through the one URL pattern', () => {
        expect(rule.annotations?.runbook_url).toBe(runbookUrl(rule.alert));
        expect(runbookAnchors()).toContain(runbookAnchor(rule.alert));
      });

      // Alerts on a ratio or a quantile (a division, in the end) must also see enough requests.
      const readsRatio = /:ratio_|histogram_quantile|quantile="|\s\/\s/.test(rule.expr);
      if (readsRatio) {
        it(`ignores low traffic: compares a request rate with ${SLO_MIN_REQUEST_RATE}/s`, () => {
          const minimum = String(SLO_MIN_REQUEST_RATE).replace('.', '\\.');
          expect(rule.expr).toMatch(new RegExp(`:rate\\w*(\\{[^}]*\\})?\\)?\\s*>\\s*${minimum}\\b`));
        });
      }
    },
  );

  it('shares a name between rules only to give it several severities', () => {
    for (const name of alertNames) {
      const severities = alerts.filter((rule) => rule.alert === name).map((rule) => rule.labels?.severity);
      expect({ name, severities }).toEqual({ name, severities: [...new Set(severities)] });
    }
  });

  it('has one runbook section per alert, and no section without an alert', () => {
    expect(runbookAnchors().sort()).toEqual(alertNames.map(runbookAnchor).sort());
  });
});

describe('promtool unit tests of the alerts', () => {
  const alertTests = ruleTests.flatMap((test) => test.alertTests);

  it.each(alerts.map((rule) => [rule.alert, rule.labels?.severity ?? ''] as const))(
    '%s fires at severity %s in some test, with its labels',
    (name, severity) => {
      const firing = alertTests
        .filter((test) => test.alertname === name)
        .flatMap((test) => test.exp_alerts)
        .filter((alert) => alert.exp_labels?.severity === severity);
      expect(firing.length).toBeGreaterThan(0);
    },
  );

  it.each(alertNames.filter((name) => name !== WATCHDOG))('%s stays silent in some test', (name) => {
    expect(alertTests.some((test) => test.alertname === name && test.exp_alerts.length === 0)).toBe(true);
  });

  it('load every rule file in some test', () => {
    const tested = new Set(ruleTests.flatMap((test) => test.ruleFiles));
    expect(ruleFilePaths().filter((file) => !tested.has(file))).toEqual([]);
  });
});
