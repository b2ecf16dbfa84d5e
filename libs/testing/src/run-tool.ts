import { execFile } from 'node:child_process';

export interface ToolRun {
  /** Exit code; 0 is success. */
  code: number;
  /** stdout and stderr together, for assertions and failure messages. */
  output: string;
}

/** Runs a command-line tool to completion; never throws on a non-zero exit (the test asserts on `code`). */
export function runTool(binary: string, args: readonly string[], cwd?: string): Promise<ToolRun> {
  return new Promise((resolve, reject) => {
    execFile(binary, [...args], { cwd, timeout: 30_000 }, (error, stdout, stderr) => {
      const output = `${stdout}${stderr}`;
      if (error && typeof error.code !== 'number') {
        reject(new Error(`${binary} ${args.join(' ')} could not run: ${error.message}\n${output}`));
        return;
      }
      resolve({ code: error ? Number(error.code) : 0, output });
    });
  });
}

/** Fails with the tool's own output when it did not exit 0, so that a CI log shows what promtool/amtool said. */
export function expectSuccess(run: ToolRun, what: string): void {
  if (run.code !== 0) throw new Error(`${what} exited ${run.code}:\n${run.output}`);
}
