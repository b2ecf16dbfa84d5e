import { setTimeout as sleep } from 'node:timers/promises';
import type { ProcStats } from './proc-stats.js';

/**
 * The busy share of each CPU over `ms`, before anything is started: on a machine that something else
 * keeps busy (a build, a test suite), every number that follows is lower and noisier than it should be.
 */
export async function measureCpuBusy(stats: ProcStats, cpus: readonly number[], ms = 1_000): Promise<number[]> {
  const before = cpus.map((cpu) => stats.cpuTimes(cpu));
  await sleep(ms);
  return cpus.map((cpu, index) => {
    const after = stats.cpuTimes(cpu);
    return (after.busy - before[index].busy) / Math.max(1, after.total - before[index].total);
  });
}
