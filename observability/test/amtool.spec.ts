import { describeWithBinaries } from '@app/testing';
import { ALERTMANAGER_CONFIG_FILE } from '../alertmanager/alertmanager-config.js';
import { alertingRules } from '../prometheus/rule-files.js';
import { expectSuccess, runTool } from '@app/testing';

/** Where each alert must end up: by name for the Watchdog, by severity for the rest. */
const RECEIVERS = {
  watchdog: 'watchdog-heartbeat',
  critical: 'alert-receiver-critical',
  warning: 'alert-receiver-warning',
} as const;

interface RoutingCase {
  labels: Record<string, string>;
  receiver: string;
}

function expectedReceiver(labels: Record<string, string>): string {
  if (labels.alertname === 'Watchdog') return RECEIVERS.watchdog;
  return labels.severity === 'critical' ? RECEIVERS.critical : RECEIVERS.warning;
}

/** Every alert the rule files define, at each of its severities, with a service as the real ones carry. */
const ALERT_CASES: RoutingCase[] = alertingRules().map(({ rule }) => {
  const labels = { alertname: rule.alert, service: 'tasks-otel', ...rule.labels };
  return { labels, receiver: expectedReceiver(labels) };
});

const EDGE_CASES: RoutingCase[] = [
  { labels: { severity: 'critical' }, receiver: RECEIVERS.critical },
  { labels: { severity: 'warning' }, receiver: RECEIVERS.warning },
  // An alert without severity (a rule someone forgot to label) still reaches a human.
  { labels: { alertname: 'SomeNewAlert', service: 'tasks-otel' }, receiver: RECEIVERS.warning },
  { labels: { alertname: 'SomeNewAlert', severity: 'info' }, receiver: RECEIVERS.warning },
  // The Watchdog never pages, whatever severity it is given.
  { labels: { alertname: 'Watchdog', severity: 'critical' }, receiver: RECEIVERS.watchdog },
];

const asArgs = (labels: Record<string, string>) => Object.entries(labels).map(([name, value]) => `${name}=${value}`);

describeWithBinaries(['amtool'], 'amtool on the committed alertmanager.yml', ({ amtool }) => {
  it('check-config: alertmanager.yml is valid', async () => {
    const run = await runTool(amtool, ['check-config', ALERTMANAGER_CONFIG_FILE]);
    expectSuccess(run, 'amtool check-config');
    expect(run.output).toContain('1 inhibit rules');
  });

  it('routes some alert of every severity', () => {
    const severities = new Set(ALERT_CASES.map(({ labels }) => labels.severity));
    expect([...severities].sort()).toEqual(['critical', 'none', 'warning']);
  });

  it.each([...ALERT_CASES, ...EDGE_CASES].map((c) => [asArgs(c.labels).join(' '), c.receiver] as const))(
    'routes {%s} to %s',
    async (labels, receiver) => {
      const run = await runTool(amtool, [
        'config',
        'routes',
        'test',
        `--config.file=${ALERTMANAGER_CONFIG_FILE}`,
        `--verify.receivers=${receiver}`,
        ...labels.split(' '),
      ]);
      expectSuccess(run, `amtool config routes test ${labels}`);
    },
  );

  it('routes test fails on a wrong expectation (the routing cases can fail)', async () => {
    const run = await runTool(amtool, [
      'config',
      'routes',
      'test',
      `--config.file=${ALERTMANAGER_CONFIG_FILE}`,
      `--verify.receivers=${RECEIVERS.critical}`,
      'alertname=HttpNotFoundRatioHigh',
      'severity=warning',
    ]);
    expect(run.code).not.toBe(0);
    expect(run.output).toContain('Expected receivers did not match');
  });
});
