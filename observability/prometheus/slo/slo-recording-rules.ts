import { RECORDING_RULES } from '@app/metrics';
import { recordingRule, type RuleGroupSource } from '../rule-builders.js';
import { eachPath, requestRate, serverErrorRate, type RequestSource } from './request-sources.js';

/**
 * Share of requests answered 5xx. A service with requests but no 5xx yet gets 0 rather than no series (the
 * `or 0 *` fallback), and one without requests gets no series rather than NaN (the `> 0` on the divisor).
 */
function errorRatio(source: RequestSource, window: string): string {
  return [
    '(',
    `  ${serverErrorRate(source, window)}`,
    '  or',
    `  0 * ${requestRate(source, window)}`,
    ')',
    `/ (${requestRate(source, window)} > 0)`,
  ].join('\n');
}

/** rules/slo.rules.yml: request rates over the long windows and 5xx ratios over every burn-rate window. */
export function sloRecordingRules(): RuleGroupSource[] {
  const requestRates = Object.entries(RECORDING_RULES.sloWindowRequestRate).map(([window, record]) => ({
    record,
    expr: eachPath((source) => requestRate(source, window)),
  }));
  const errorRatios = Object.entries(RECORDING_RULES.errorRatio).map(([window, record]) => ({
    record,
    expr: eachPath((source) => errorRatio(source, window)),
  }));
  return [{ name: 'slo.rules', rules: [...requestRates, ...errorRatios].map(recordingRule) }];
}
