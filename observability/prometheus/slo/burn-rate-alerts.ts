import { AVAILABILITY_SLO, type RECORDING_RULES } from '@app/metrics';

export type ErrorRatioWindow = keyof typeof RECORDING_RULES.errorRatio;
export type LongWindow = keyof typeof RECORDING_RULES.sloWindowRequestRate;

/** One alert of the pair: the error ratio is above `burnRate` × the error budget over BOTH windows. */
export interface BurnRateAlert {
  severity: 'critical' | 'warning';
  /** How many times faster than allowed the error budget burns. */
  burnRate: number;
  /** Long enough to be significant (enough requests, not one blip). */
  longWindow: LongWindow;
  /** Short enough that the alert stops soon after the errors do. */
  shortWindow: ErrorRatioWindow;
  for: string;
}

/** The period the error budget is counted over. */
export const SLO_PERIOD_DAYS = 30;

/**
 * Multi-window, multi-burn-rate alerts, as the Google SRE workbook recommends ("Alerting on SLOs"):
 * 14.4x over 1h and 5m spends 2% of a 30-day budget in one hour (page); 6x over 6h and 30m spends 5% in six
 * hours (ticket). The short window is 1/12 of the long one.
 */
export const BURN_RATE_ALERTS: readonly BurnRateAlert[] = [
  { severity: 'critical', burnRate: 14.4, longWindow: '1h', shortWindow: '5m', for: '2m' },
  { severity: 'warning', burnRate: 6, longWindow: '6h', shortWindow: '30m', for: '15m' },
];

/**
 * Requests per second over the long window below which the SLO alerts stay silent: with fewer requests one
 * failure is already a large ratio. 0.1/s is 360 requests in an hour.
 */
export const SLO_MIN_REQUEST_RATE = 0.1;

/** The error ratio an alert fires above: burn rate × error budget (1 − SLO), with float noise rounded off. */
export function errorRatioThreshold(burnRate: number, slo: number = AVAILABILITY_SLO): number {
  if (!(slo > 0 && slo < 1)) throw new Error(`availability SLO ${slo} must lie strictly between 0 and 1`);
  return Number((burnRate * (1 - slo)).toPrecision(6));
}

/** Days until the whole budget is gone at this burn rate. */
export function budgetExhaustionDays(burnRate: number): number {
  return Number((SLO_PERIOD_DAYS / burnRate).toFixed(1));
}
