import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

/**
 * Readers of Linux's /proc: what a process costs, seen from outside it, the same way for every variant
 * (including the baseline, which has no metrics of its own to ask).
 */

/** Resident memory of a process, in bytes. */
export interface ProcessMemory {
  /** `VmRSS`: resident now. */
  readonly rssBytes: number;
  /** `VmHWM`: the highest resident size the process has had ("high water mark"). */
  readonly peakRssBytes: number;
}

/** Reads `VmRSS` and `VmHWM` from the text of `/proc/<pid>/status` (values in kB). */
export function parseProcStatus(text: string): ProcessMemory {
  const kilobytes = (field: string): number => {
    const match = new RegExp(`^${field}:\\s+(\\d+) kB$`, 'm').exec(text);
    if (match === null) throw new Error(`/proc status has no ${field} line`);
    return Number(match[1]) * 1024;
  };
  return { rssBytes: kilobytes('VmRSS'), peakRssBytes: kilobytes('VmHWM') };
}

export function readProcessMemory(pid: number): ProcessMemory {
  return parseProcStatus(readFileSync(`/proc/${pid}/status`, 'utf8'));
}

/**
 * User + system CPU time of a process, all its threads (GC, libuv pool) included, in clock ticks,
 * from the text of `/proc/<pid>/stat`. The command name (field 2) may hold spaces and parentheses,
 * so the fields are counted from the last `)`.
 */
export function parseProcStatCpuTicks(text: string): number {
  const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
  // After the name: state is field 3, utime field 14 and stime field 15 of proc(5).
  const utime = Number(fields[14 - 3]);
  const stime = Number(fields[15 - 3]);
  if (!Number.isInteger(utime) || !Number.isInteger(stime)) throw new Error(`unreadable /proc stat line: ${text}`);
  return utime + stime;
}

/** Time spent by one CPU, in clock ticks, from the text of `/proc/stat`. */
export interface CpuTimes {
  /** Everything but idle and iowait. */
  readonly busy: number;
  readonly total: number;
}

export function parseCpuTimes(procStat: string, cpu: number): CpuTimes {
  const line = procStat.split('\n').find((candidate) => candidate.startsWith(`cpu${cpu} `));
  if (line === undefined) throw new Error(`/proc/stat has no line for cpu${cpu}`);
  const ticks = line.trim().split(/\s+/).slice(1).map(Number);
  // user nice system idle iowait irq softirq steal (guest time is already counted in user).
  const total = ticks.slice(0, 8).reduce((sum, value) => sum + value, 0);
  const idle = ticks[3] + ticks[4];
  return { busy: total - idle, total };
}

/** Reads process and CPU times in seconds; the tick length is asked of the system once. */
export class ProcStats {
  readonly ticksPerSecond = readClockTicksPerSecond();

  processCpuSeconds(pid: number): number {
    return parseProcStatCpuTicks(readFileSync(`/proc/${pid}/stat`, 'utf8')) / this.ticksPerSecond;
  }

  cpuTimes(cpu: number): CpuTimes {
    return parseCpuTimes(readFileSync('/proc/stat', 'utf8'), cpu);
  }
}

/** `getconf CLK_TCK`: 100 on every common Linux, asked rather than assumed. */
function readClockTicksPerSecond(): number {
  try {
    const value = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim());
    return Number.isInteger(value) && value > 0 ? value : 100;
  } catch {
    return 100;
  }
}
