import { spawn, type ChildProcess } from 'node:child_process';
import { builtEntry, REPO_ROOT } from './built-app.js';

export interface CliResult {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

export interface CliRun {
  readonly child: ChildProcess;
  /** Resolves when the process ends, with what it printed on each stream. */
  readonly done: Promise<CliResult>;
}

/** Runs a compiled command-line app (`npm run build` first; `npm test` does it) as a real process, as a user would. */
export function startBuiltCli(app: string, args: readonly string[]): CliRun {
  const child = spawn(process.execPath, [builtEntry(app), ...args], {
    cwd: REPO_ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const done = new Promise<CliResult>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
  return { child, done };
}
