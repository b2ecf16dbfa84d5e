import { AVAILABILITY_SLO, RECORDING_RULES } from '@app/metrics';
import type { RuleGroupSource } from '../rule-builders.js';
import { runbookUrl } from '../runbook-url.js';
import {
  BURN_RATE_ALERTS,
  budgetExhaustionDays,
  errorRatioThreshold,
  SLO_MIN_REQUEST_RATE,
  SLO_PERIOD_DAYS,
  type BurnRateAlert,
} from './burn-rate-alerts.js';
import { BY_SERVICE } from './request-sources.js';

export const SLO_ALERT_NAME = 'HttpErrorBudgetBurn';

/** 0.144 → "14.4%", without float noise (6 significant digits: 99.995% stays 99.995%). */
export function percent(ratio: number): string {
  return `${Number((ratio * 100).toPrecision(6))}%`;
}

/** A ratio as Prometheus' `humanizePercentage` prints it (Go's %.4g of ratio × 100). */
export function humanizePercentage(ratio: number): string {
  return `${Number((ratio * 100).toPrecision(4))}%`;
}

export function burnRateLabels(alert: BurnRateAlert) {
  return { severity: alert.severity, long_window: alert.longWindow, short_window: alert.shortWindow };
}

/**
 * The annotations of one burn-rate alert. `value` is the alert's `$value` (the long-window 5xx ratio): the
 * template in the rule file, the expected text in the generated promtool test.
 */
export function burnRateAnnotations(
  alert: BurnRateAlert,
  labels: { service: string; instrumentation: string },
  value: string,
): Record<string, string> {
  return {
    summary: `${labels.service} burns its availability error budget ${alert.burnRate} times too fast`,
    description:
      `${value} of the requests to ${labels.service} (${labels.instrumentation} path) ` +
      `failed with a 5xx over the last ${alert.longWindow}, and still over the last ${alert.shortWindow}: ` +
      `above ${percent(errorRatioThreshold(alert.burnRate))}, ${alert.burnRate} times the error budget of the ` +
      `${percent(AVAILABILITY_SLO)} availability SLO. ` +
      `At this pace the ${SLO_PERIOD_DAYS}-day budget lasts ${budgetExhaustionDays(alert.burnRate)} days.`,
    runbook_url: runbookUrl(SLO_ALERT_NAME),
  };
}

/** rules/slo.alerts.yml: the multi-window, multi-burn-rate alerts. */
export function sloAlertingRules(): RuleGroupSource[] {
  const rules = BURN_RATE_ALERTS.map((alert) => {
    const threshold = errorRatioThreshold(alert.burnRate);
    return {
      alert: SLO_ALERT_NAME,
      expr: [
        '(',
        `  ${RECORDING_RULES.errorRatio[alert.longWindow]} > ${threshold}`,
        `  and on (${BY_SERVICE})`,
        `  ${RECORDING_RULES.errorRatio[alert.shortWindow]} > ${threshold}`,
        ')',
        '# not on a handful of requests',
        `and on (${BY_SERVICE})`,
        `${RECORDING_RULES.sloWindowRequestRate[alert.longWindow]} > ${SLO_MIN_REQUEST_RATE}`,
        '',
      ].join('\n'),
      for: alert.for,
      labels: burnRateLabels(alert),
      annotations: burnRateAnnotations(
        alert,
        { service: '{{ $labels.service }}', instrumentation: '{{ $labels.instrumentation }}' },
        '{{ $value | humanizePercentage }}',
      ),
    };
  });
  return [{ name: 'slo.alerts', rules }];
}
