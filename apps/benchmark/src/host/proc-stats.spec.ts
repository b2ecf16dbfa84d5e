import { parseCpuTimes, parseProcStatCpuTicks, parseProcStatus } from './proc-stats.js';

describe('/proc readers', () => {
  it('reads the resident and peak resident sizes from /proc/<pid>/status', () => {
    const status = 'Name:\tnode\nVmPeak:\t 1200 kB\nVmHWM:\t   90000 kB\nVmRSS:\t   81920 kB\nRssAnon:\t 5 kB\n';
    expect(parseProcStatus(status)).toEqual({ rssBytes: 81920 * 1024, peakRssBytes: 90000 * 1024 });
    expect(() => parseProcStatus('Name:\tnode\n')).toThrow('VmRSS');
  });

  it('adds user and system ticks of /proc/<pid>/stat, whatever the command name holds', () => {
    const stat = '1565 (odd) name (x)) R 1559 1559 27985 0 -1 4194304 100 0 0 0 250 37 0 0 20 0 1 0 148198';
    expect(parseProcStatCpuTicks(stat)).toBe(287);
    expect(() => parseProcStatCpuTicks('1 (x) R')).toThrow('unreadable');
  });

  it('reads one CPU of /proc/stat, idle and iowait counted as not busy', () => {
    const stat = 'cpu  9 9 9 9 9 9 9 9 0 0\ncpu0 100 5 20 1000 7 1 2 3 0 0\ncpu1 1 1 1 1 1 1 1 1 0 0\n';
    expect(parseCpuTimes(stat, 0)).toEqual({ busy: 131, total: 1138 });
    expect(() => parseCpuTimes(stat, 4)).toThrow('cpu4');
  });
});
