import { REFERENCE_VARIANT } from '../variants/variant-names.js';
import type { MeasuredRound, ThroughputSummary, VariantRounds } from './benchmark-report.js';
import { median, spreadOf } from './statistics.js';

const medianOf = (rounds: readonly MeasuredRound[], value: (round: MeasuredRound) => number): number =>
  median(rounds.map(value));

/**
 * Reduces each variant's rounds to medians, and relates them to the baseline's: throughput as a ratio,
 * CPU per request as the µs the metric path adds. Medians, because one round disturbed by something
 * else on the machine should move the result as little as possible.
 */
export function summarizeScenario(variants: readonly VariantRounds[]): ThroughputSummary[] {
  const reference = variants.find((rounds) => rounds.variant === REFERENCE_VARIANT);
  if (reference === undefined) throw new Error(`no ${REFERENCE_VARIANT} rounds to compare with`);
  const referenceRate = medianOf(reference.rounds, (round) => round.requestsPerSecond);
  const referenceCpu = medianOf(reference.rounds, (round) => round.serverCpuPerRequestUs);
  const referenceWrkRate = medianOf(reference.wrkRounds, (round) => round.requestsPerSecond);

  return variants.map(({ variant, rounds, wrkRounds }) => {
    const requestsPerSecond = spreadOf(rounds.map((round) => round.requestsPerSecond));
    const cpuPerRequestUs = medianOf(rounds, (round) => round.serverCpuPerRequestUs);
    const requests = rounds.reduce((sum, round) => sum + round.requests, 0);
    const otherLoads = rounds.flatMap((round) =>
      round.otherLoadOnServerCpu === undefined ? [] : [round.otherLoadOnServerCpu],
    );
    const wrkRate = medianOf(wrkRounds, (round) => round.requestsPerSecond);
    return {
      variant,
      requestsPerSecond,
      ratio: requestsPerSecond.median / referenceRate,
      latencyMs: {
        p50: medianOf(rounds, (round) => round.latencyMs.p50),
        p99: medianOf(rounds, (round) => round.latencyMs.p99),
      },
      cpuPerRequestUs,
      addedCpuPerRequestUs: cpuPerRequestUs - referenceCpu,
      serverCpuShare: medianOf(rounds, (round) => round.serverCpuShare),
      maxOtherLoadOnServerCpu: otherLoads.length > 0 ? Math.max(...otherLoads) : undefined,
      non2xxShare: requests > 0 ? rounds.reduce((sum, round) => sum + round.non2xx, 0) / requests : 0,
      errors: [...rounds, ...wrkRounds].reduce((sum, round) => sum + round.errors, 0),
      repeatedRounds: [...rounds, ...wrkRounds].reduce((sum, round) => sum + round.attempts - 1, 0),
      wrk:
        wrkRounds.length === 0
          ? undefined
          : {
              requestsPerSecond: wrkRate,
              ratio: wrkRate / referenceWrkRate,
              latencyMs: {
                p50: medianOf(wrkRounds, (round) => round.latencyMs.p50),
                p99: medianOf(wrkRounds, (round) => round.latencyMs.p99),
              },
            },
    };
  });
}
