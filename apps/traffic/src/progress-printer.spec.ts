import type { TrafficProgress } from '@app/traffic';
import { ProgressPrinter } from './progress-printer.js';

const PROGRESS: TrafficProgress = {
  elapsedSeconds: 1,
  sent: 10,
  inFlight: 2,
  plannedRequests: 100,
  plannedSeconds: undefined,
  byStatusClass: { '2xx': 8 },
  recentRate: 10,
};

/** A stream that keeps what is written, as a terminal (isTTY) or as a pipe. */
function streamOf(isTTY: boolean, columns = 200): { stream: NodeJS.WriteStream; written: string[] } {
  const written: string[] = [];
  const stream = { isTTY, columns, write: (text: string) => written.push(text) > 0 } as unknown as NodeJS.WriteStream;
  return { stream, written };
}

describe('ProgressPrinter', () => {
  it('rewrites one line in place on a terminal, within its width, and ends it before other output', () => {
    const { stream, written } = streamOf(true, 30);
    const printer = new ProgressPrinter(stream);
    printer.print(PROGRESS);
    printer.print({ ...PROGRESS, sent: 20 });
    printer.message('SIGINT: stopping');
    printer.finish();
    expect(printer.intervalMs).toBe(250);
    // 29 characters: one less than the width, so the terminal never wraps the line.
    expect(written[0]).toBe('\r\x1b[2K1.0 s  sent 10/100  in flight');
    expect(written[1]).toBe('\r\x1b[2K1.0 s  sent 20/100  in flight');
    expect(written.slice(2)).toEqual(['\n', 'SIGINT: stopping\n']);
  });

  it('writes plain lines, less often, elsewhere (CI logs, files)', () => {
    const { stream, written } = streamOf(false);
    const printer = new ProgressPrinter(stream);
    printer.print(PROGRESS);
    printer.finish();
    expect(printer.intervalMs).toBe(5_000);
    expect(written).toEqual(['1.0 s  sent 10/100  in flight 2  10.0 req/s  2xx 8\n']);
  });
});
