import type { CpuPinning } from './host/cpu-pinning.js';
import type { ProcStats } from './host/proc-stats.js';
import type { LoadGenerator, LoadSpec } from './load/load-round.js';
import type { MeasuredRound } from './report/benchmark-report.js';
import type { BenchServer } from './server/bench-server.js';

/**
 * A round is disturbed when another process took more than `maxOtherLoad` of the server's CPU, or when
 * the server used less than `minServerCpuShare` of its CPU (it was not the bottleneck: the load
 * generator's CPU was taken by something else). Judged on pinned runs only, where the CPU is known.
 */
export const UNDISTURBED_ROUND = { maxOtherLoad: 0.05, minServerCpuShare: 0.9 } as const;

/**
 * @param serverBound whether the server should use its whole CPU: false for a scenario whose handler waits by design,
 *   where an idle server is the point, not a sign that something else held it back.
 */
export function isDisturbed(
  round: Pick<MeasuredRound, 'otherLoadOnServerCpu' | 'serverCpuShare'>,
  serverBound = true,
): boolean {
  if (round.otherLoadOnServerCpu === undefined) return false;
  return (
    round.otherLoadOnServerCpu > UNDISTURBED_ROUND.maxOtherLoad ||
    (serverBound && round.serverCpuShare < UNDISTURBED_ROUND.minServerCpuShare)
  );
}

/**
 * Runs one round of load against a server and reads, from /proc around it, the CPU the server spent
 * and what else ran on its CPU meanwhile.
 */
export async function measureRound(
  round: number,
  server: BenchServer,
  generator: LoadGenerator,
  spec: LoadSpec,
  pinning: CpuPinning,
  stats: ProcStats,
): Promise<Omit<MeasuredRound, 'attempts'>> {
  const cpuBefore = pinning.pinned ? stats.cpuTimes(pinning.serverCpu) : undefined;
  const serverBefore = stats.processCpuSeconds(server.pid);
  const load = await generator(spec);
  const serverCpuSeconds = stats.processCpuSeconds(server.pid) - serverBefore;
  const serverCpuShare = serverCpuSeconds / load.seconds;
  let otherLoadOnServerCpu: number | undefined;
  if (pinning.pinned && cpuBefore !== undefined) {
    const cpuAfter = stats.cpuTimes(pinning.serverCpu);
    const busyShare = (cpuAfter.busy - cpuBefore.busy) / Math.max(1, cpuAfter.total - cpuBefore.total);
    // Tick granularity can make the server's share exceed the CPU's by a hair: never below 0.
    otherLoadOnServerCpu = Math.max(0, busyShare - serverCpuShare);
  }
  return {
    ...load,
    round,
    serverCpuSeconds,
    serverCpuPerRequestUs: load.requests > 0 ? (serverCpuSeconds / load.requests) * 1e6 : Number.NaN,
    serverCpuShare,
    otherLoadOnServerCpu,
  };
}
