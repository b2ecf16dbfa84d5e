import { spawn, type ChildProcess } from 'node:child_process';

export interface ManagedProcessOptions {
  /** Shown in errors and logs. */
  name: string;
  command: string;
  args: readonly string[];
  env?: Readonly<Record<string, string>>;
  cwd?: string;
  /**
   * Start it in a process group of its own, so that a Ctrl-C in the terminal reaches only the parent, which
   * then stops its children in its own order (the demo: traffic first, then the stack). The child is still
   * killed when the parent exits without stopping it.
   */
  ownProcessGroup?: boolean;
}

/**
 * A child process started for a test, with its output kept so that a failure can show it.
 * `stop()` sends SIGTERM, then SIGKILL after a grace period, and resolves once the process is gone.
 */
export class ManagedProcess {
  private readonly child: ChildProcess;
  private output = '';
  private readonly exited: Promise<number | null>;

  constructor(readonly options: ManagedProcessOptions) {
    this.child = spawn(options.command, [...options.args], {
      cwd: options.cwd,
      env: { ...process.env, ...options.env },
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: options.ownProcessGroup ?? false,
    });
    if (options.ownProcessGroup) {
      // Out of the terminal's process group, the child would outlive a parent that exits without stop().
      const killOnExit = () => this.child.kill('SIGKILL');
      process.once('exit', killOnExit);
      this.child.once('exit', () => process.removeListener('exit', killOnExit));
    }
    const keep = (chunk: Buffer) => {
      // Bounded: a chatty process must not grow the test's memory without limit.
      this.output = (this.output + chunk.toString()).slice(-64_000);
    };
    this.child.stdout?.on('data', keep);
    this.child.stderr?.on('data', keep);
    this.exited = new Promise((resolve) => {
      this.child.on('exit', (code) => resolve(code));
      this.child.on('error', (error) => {
        this.output += `\n[spawn error] ${error.message}`;
        resolve(null);
      });
    });
  }

  get pid(): number | undefined {
    return this.child.pid;
  }

  get running(): boolean {
    return this.child.exitCode === null && this.child.signalCode === null;
  }

  /** Everything the process printed so far (the last 64 kB). */
  get logs(): string {
    return this.output;
  }

  /** Resolves with the exit code when the process ends by itself. */
  waitForExit(): Promise<number | null> {
    return this.exited;
  }

  /**
   * Waits for `ready` (e.g. a health URL answering) unless the process exits first; on either failure,
   * stops it and throws with what it printed, so that a failed start explains itself.
   */
  async whenReady(ready: () => Promise<unknown>): Promise<void> {
    try {
      await Promise.race([
        ready(),
        this.exited.then((code) => {
          throw new Error(`exited with code ${String(code)} before it was ready`);
        }),
      ]);
    } catch (error) {
      await this.stop();
      throw new Error(`${this.options.name} did not start: ${(error as Error).message}\n--- output ---\n${this.logs}`);
    }
  }

  signal(signal: NodeJS.Signals): void {
    this.child.kill(signal);
  }

  async stop(graceMs = 5_000): Promise<void> {
    if (!this.running) return;
    this.child.kill('SIGTERM');
    const timer = setTimeout(() => this.child.kill('SIGKILL'), graceMs);
    await this.exited;
    clearTimeout(timer);
  }
}
