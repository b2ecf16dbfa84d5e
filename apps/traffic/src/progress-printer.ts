import { formatTrafficProgress, type TrafficProgress } from '@app/traffic';

/**
 * Shows progress on a stream: on a terminal, one line rewritten in place a few times a second;
 * elsewhere (CI logs, files), a plain line every few seconds, so a log does not fill up with them.
 */
export class ProgressPrinter {
  readonly intervalMs: number;
  private lineShown = false;

  constructor(private readonly stream: NodeJS.WriteStream) {
    this.intervalMs = stream.isTTY ? 250 : 5_000;
  }

  readonly print = (progress: TrafficProgress): void => {
    const line = formatTrafficProgress(progress);
    if (this.stream.isTTY) {
      // Clear, then write within the width: a wrapped line could not be rewritten by "\r".
      this.stream.write(`\r\x1b[2K${line.slice(0, Math.max(20, (this.stream.columns || 80) - 1))}`);
      this.lineShown = true;
    } else {
      this.stream.write(`${line}\n`);
    }
  };

  /** Ends the in-place line, so that what follows starts on a fresh line. */
  finish(): void {
    if (this.lineShown) this.stream.write('\n');
    this.lineShown = false;
  }

  /** Writes a message on its own line, without garbling the in-place line. */
  message(text: string): void {
    this.finish();
    this.stream.write(`${text}\n`);
  }
}
