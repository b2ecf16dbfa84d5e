import { execFileSync } from 'node:child_process';

/**
 * Where the server under test and the load generator run. On a machine of a few cores, a server and a
 * load generator left to the scheduler take turns on the same cores and the result measures the
 * scheduler: each gets a core of its own, with `taskset`.
 */
export type CpuPinning =
  | { readonly pinned: true; readonly serverCpu: number; readonly loadCpu: number }
  | { readonly pinned: false; readonly reason: string };

/** Parses a CPU list as taskset and /sys print it: `0-3,6,8-9`. */
export function parseCpuList(list: string): number[] {
  const cpus: number[] = [];
  for (const part of list.trim().split(',')) {
    const match = /^(\d+)(?:-(\d+))?$/.exec(part.trim());
    if (match === null) throw new Error(`not a CPU list: "${list}"`);
    // The range's end is an optional group: missing for a single CPU.
    const [first, last] = [Number(match[1]), Number(match.at(2) ?? match[1])];
    for (let cpu = first; cpu <= last; cpu++) cpus.push(cpu);
  }
  return cpus;
}

/** The first two CPUs this process may run on: the server's, then the load generator's. */
export function planCpuPinning(): CpuPinning {
  if (process.platform !== 'linux')
    return { pinned: false, reason: `taskset needs Linux, this is ${process.platform}` };
  let affinity: string;
  try {
    affinity = execFileSync('taskset', ['-pc', String(process.pid)], { encoding: 'utf8' });
  } catch {
    return { pinned: false, reason: 'taskset is not installed (Debian: apt-get install util-linux)' };
  }
  const cpus = parseCpuList(affinity.slice(affinity.lastIndexOf(':') + 1));
  if (cpus.length < 2) return { pinned: false, reason: `only CPU ${cpus.join(',')} is available to this process` };
  return { pinned: true, serverCpu: cpus[0], loadCpu: cpus[1] };
}

/** Moves every thread of a running process to one CPU; the processes it starts later inherit it. */
export function pinProcess(pid: number, cpu: number): void {
  execFileSync('taskset', ['-a', '-p', '-c', String(cpu), String(pid)], { stdio: 'ignore' });
}

/** A command line that runs `command` on `cpu` from its first instruction (taskset execs it: same pid). */
export function onCpu(cpu: number | undefined, command: string, args: readonly string[]): [string, string[]] {
  return cpu === undefined ? [command, [...args]] : ['taskset', ['-c', String(cpu), command, ...args]];
}
