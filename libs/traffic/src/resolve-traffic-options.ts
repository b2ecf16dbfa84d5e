import { randomInt } from 'node:crypto';
import { parseRouteMix, type RouteMix } from './route-mix.js';
import { parseTaskWeights, type TaskWeights } from './task-weights.js';
import type { TrafficConfig, TrafficOptionName } from './traffic-config.js';
import { TRAFFIC_DEFAULTS, TRAFFIC_LIMITS } from './traffic-limits.js';
import { TrafficOptionsError, type OptionNamer, type TrafficOptionProblem } from './traffic-options.error.js';
import type { TrafficOptions } from './traffic-options.js';

interface NumberRule {
  min: number;
  max: number;
  /** The minimum itself is refused (rates, durations: 0 would mean "never"). */
  exclusiveMin?: boolean;
  integer?: boolean;
}

/**
 * Validates a config and applies defaults and hard caps. Collects every problem, then throws one
 * `TrafficOptionsError` naming each option, so that one correction fixes them all.
 */
export function resolveTrafficOptions(config: TrafficConfig): TrafficOptions {
  const problems: TrafficOptionProblem[] = [];
  const reject = (option: TrafficOptionName, message: string | ((nameOf: OptionNamer) => string)) =>
    problems.push({
      option,
      describe: (nameOf) => `${nameOf(option)} ${typeof message === 'string' ? message : message(nameOf)}`,
    });
  const number = (option: TrafficOptionName, value: number | undefined, rule: NumberRule): number | undefined => {
    if (value === undefined) return undefined;
    const kind = rule.integer ? 'an integer' : 'a number';
    const tooLow = rule.exclusiveMin ? value <= rule.min : value < rule.min;
    if (
      typeof value !== 'number' ||
      !Number.isFinite(value) ||
      (rule.integer && !Number.isInteger(value)) ||
      tooLow ||
      value > rule.max
    ) {
      const low = rule.exclusiveMin ? `above ${rule.min}` : `from ${rule.min}`;
      reject(option, `must be ${kind} ${low} up to ${rule.max}, got ${String(value)}`);
      return undefined;
    }
    return value;
  };

  const targets = resolveTargets(config.targets, (message) => reject('targets', message));
  const concurrency = number('concurrency', config.concurrency, {
    min: 1,
    max: TRAFFIC_LIMITS.maxConcurrency,
    integer: true,
  });
  const rate = number('rate', config.rate, { min: 0, max: TRAFFIC_LIMITS.maxRate, exclusiveMin: true });
  const requests = number('requests', config.requests, { min: 1, max: TRAFFIC_LIMITS.maxRequests, integer: true });
  const durationSeconds = number('durationSeconds', config.durationSeconds, {
    min: 0,
    max: TRAFFIC_LIMITS.maxDurationSeconds,
    exclusiveMin: true,
  });
  if (config.requests === undefined && config.durationSeconds === undefined) {
    reject(
      'requests',
      (nameOf) =>
        `or ${nameOf('durationSeconds')} must be set: every run is bounded ` +
        `(at most ${TRAFFIC_LIMITS.maxRequests} requests and ${TRAFFIC_LIMITS.maxDurationSeconds} s)`,
    );
  }
  const timeoutSeconds = number('timeoutSeconds', config.timeoutSeconds, {
    min: 0,
    max: TRAFFIC_LIMITS.maxTimeoutSeconds,
    exclusiveMin: true,
  });
  const seed = number('seed', config.seed, { min: 0, max: TRAFFIC_LIMITS.maxSeed, integer: true });
  const refusedShare = number('refusedShare', config.refusedShare, { min: 0, max: 1 });

  let mix: RouteMix = TRAFFIC_DEFAULTS.mix;
  if (config.mix !== undefined) {
    const result = parseRouteMix(config.mix);
    if (result.ok) mix = result.value;
    else result.problems.forEach((message) => reject('mix', message));
  }
  let taskWeights: TaskWeights | undefined;
  if (config.taskWeights !== undefined) {
    const result = parseTaskWeights(config.taskWeights);
    if (result.ok) taskWeights = result.value;
    else result.problems.forEach((message) => reject('taskWeights', message));
  }

  if (problems.length > 0) throw new TrafficOptionsError(problems);
  return {
    targets,
    concurrency: concurrency ?? TRAFFIC_DEFAULTS.concurrency,
    rate,
    requests,
    durationSeconds,
    maxRequests: requests ?? TRAFFIC_LIMITS.maxRequests,
    maxDurationSeconds: durationSeconds ?? TRAFFIC_LIMITS.maxDurationSeconds,
    mix,
    taskWeights,
    timeoutSeconds: timeoutSeconds ?? TRAFFIC_DEFAULTS.timeoutSeconds,
    // Drawn here, not in the run, so that the report can show it and the run can be replayed.
    seed: seed ?? randomInt(0, TRAFFIC_LIMITS.maxSeed),
    refusedShare: refusedShare ?? TRAFFIC_DEFAULTS.refusedShare,
  };
}

/** Base URLs: http(s), no credentials, query or fragment, no duplicates; returned without a trailing slash. */
// Checked as a JavaScript caller may pass them, like every option here: not necessarily strings.
function resolveTargets(targets: readonly unknown[] | undefined, reject: (message: string) => void): string[] {
  if (targets === undefined || targets.length === 0) {
    reject('is required: at least one base URL, e.g. http://127.0.0.1:8080');
    return [];
  }
  if (targets.length > TRAFFIC_LIMITS.maxTargets) {
    reject(`must list at most ${TRAFFIC_LIMITS.maxTargets} URLs, got ${targets.length}`);
    return [];
  }
  const normalized: string[] = [];
  for (const target of targets) {
    const shown = `"${String(target).slice(0, 80)}"`;
    let url: URL;
    try {
      url = new URL(String(target));
    } catch {
      reject(`must be absolute http(s) URLs, got ${shown}`);
      continue;
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') {
      reject(`must be http or https URLs, got ${shown}`);
    } else if (url.username !== '' || url.password !== '') {
      reject(`must not carry credentials, got ${url.protocol}//…@${url.host}`);
    } else if (url.search !== '' || url.hash !== '') {
      reject(`must be base URLs without query or fragment, got ${shown}`);
    } else {
      const base = `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
      if (normalized.includes(base)) reject(`lists ${base} twice`);
      else normalized.push(base);
    }
  }
  return normalized;
}
