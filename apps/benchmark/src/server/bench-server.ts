import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { setTimeout as sleep } from 'node:timers/promises';
import { onCpu } from '../host/cpu-pinning.js';
import {
  HEAP_REQUEST,
  isHeapReport,
  isProfileReport,
  isProfileStarted,
  PROFILE_START,
  PROFILE_STOP,
  type CpuProfile,
} from './heap-probe.messages.js';

export interface BenchServerOptions {
  /** Shown in errors and progress lines. */
  readonly name: string;
  /** The compiled entry point, e.g. dist/apps/otel-app/src/main.js. */
  readonly entry: string;
  /** The whole environment of the process (nothing is inherited beyond it). */
  readonly env: Readonly<Record<string, string>>;
  /** Pin the process to this CPU; undefined leaves it to the scheduler. */
  readonly cpu?: number;
  /** Answers 2xx once the server takes requests. */
  readonly readyUrl: string;
  readonly cwd: string;
}

const HEAP_PROBE = join(import.meta.dirname, 'heap-probe.js');
const READY_TIMEOUT_MS = 30_000;

/**
 * A compiled app started as its own Node process, as production runs it (instrumentation patches
 * modules as they load), with the heap probe preloaded and its output kept for error messages.
 *
 * Paused (SIGSTOP) while another variant is measured, so that the CPU under test runs only the server
 * being measured: idle servers still wake for their timers (event-loop monitors, exporters).
 */
export class BenchServer {
  private output = '';
  private readonly exited: Promise<void>;

  private constructor(
    readonly name: string,
    private readonly child: ChildProcess,
  ) {
    const keep = (chunk: Buffer) => {
      // Bounded: only the end matters to explain a failure.
      this.output = (this.output + chunk.toString()).slice(-32_000);
    };
    child.stdout?.on('data', keep);
    child.stderr?.on('data', keep);
    this.exited = new Promise((resolve) => {
      child.on('exit', () => resolve());
      child.on('error', (error) => {
        this.output += `\n[spawn error] ${error.message}`;
        resolve();
      });
    });
  }

  static async start(options: BenchServerOptions): Promise<BenchServer> {
    const [command, args] = onCpu(options.cpu, process.execPath, [
      '--import',
      pathToFileURL(HEAP_PROBE).href,
      options.entry,
    ]);
    const child = spawn(command, args, {
      cwd: options.cwd,
      env: { ...options.env },
      stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
    });
    const server = new BenchServer(options.name, child);
    try {
      await server.waitUntilReady(options.readyUrl);
    } catch (error) {
      await server.stop();
      throw new Error(`${options.name} did not start: ${(error as Error).message}\n--- its output ---\n${server.logs}`);
    }
    return server;
  }

  get pid(): number {
    if (this.child.pid === undefined) throw new Error(`${this.name} has no process`);
    return this.child.pid;
  }

  get running(): boolean {
    return this.child.exitCode === null && this.child.signalCode === null;
  }

  get logs(): string {
    return this.output;
  }

  pause(): void {
    this.child.kill('SIGSTOP');
  }

  resume(): void {
    this.child.kill('SIGCONT');
  }

  /** The server's memory use right after a full garbage collection, as its heap probe reports it. */
  async heapAfterGc(timeoutMs = 10_000): Promise<NodeJS.MemoryUsage> {
    return (await this.request({ type: HEAP_REQUEST }, isHeapReport, timeoutMs)).usage;
  }

  /** Starts V8's CPU profiler in the server (its probe does), and resolves once it runs. */
  startProfile(timeoutMs = 10_000): Promise<void> {
    return this.request({ type: PROFILE_START }, isProfileStarted, timeoutMs).then(() => undefined);
  }

  /** Stops the profiler and returns what it sampled since {@link startProfile}. */
  async stopProfile(timeoutMs = 30_000): Promise<CpuProfile> {
    return (await this.request({ type: PROFILE_STOP }, isProfileReport, timeoutMs)).profile;
  }

  private request<T>(message: object, isAnswer: (reply: unknown) => reply is T, timeoutMs: number): Promise<T> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.child.off('message', onMessage);
        reject(new Error(`${this.name} did not answer ${JSON.stringify(message)} within ${String(timeoutMs)} ms`));
      }, timeoutMs);
      const onMessage = (reply: unknown) => {
        if (!isAnswer(reply)) return;
        clearTimeout(timer);
        this.child.off('message', onMessage);
        resolve(reply);
      };
      this.child.on('message', onMessage);
      this.child.send(message);
    });
  }

  /** SIGTERM (after SIGCONT: a stopped process would hold it), then SIGKILL after `graceMs`. */
  async stop(graceMs = 5_000): Promise<void> {
    if (!this.running) return;
    this.child.kill('SIGCONT');
    this.child.kill('SIGTERM');
    const timer = setTimeout(() => this.child.kill('SIGKILL'), graceMs);
    await this.exited;
    clearTimeout(timer);
  }

  /** For exit handlers, where nothing can be awaited. */
  killNow(): void {
    if (this.running) this.child.kill('SIGKILL');
  }

  private async waitUntilReady(url: string): Promise<void> {
    const deadline = Date.now() + READY_TIMEOUT_MS;
    let lastProblem = 'no answer yet';
    while (Date.now() < deadline) {
      if (!this.running) throw new Error(`it exited (code ${String(this.child.exitCode ?? this.child.signalCode)})`);
      try {
        const response = await fetch(url);
        await response.arrayBuffer();
        if (response.ok) return;
        lastProblem = `${url} answered ${response.status}`;
      } catch (error) {
        lastProblem = (error as Error).message;
      }
      await sleep(100);
    }
    throw new Error(`${url} not ready after ${READY_TIMEOUT_MS} ms (${lastProblem})`);
  }
}
