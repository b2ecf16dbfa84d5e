import { execFile } from 'node:child_process';
import { join } from 'node:path';

const SCRIPT = join(import.meta.dirname, 'print-auto-instrumentation-defaults.js');

/**
 * The instrumentations auto-instrumentations-node enables by default, by short name: what a service
 * gets from `getNodeAutoInstrumentations()` without a list. Asked of the installed package, in a
 * child process (see print-auto-instrumentation-defaults.ts).
 */
export function autoInstrumentationDefaults(): Promise<string[]> {
  return new Promise((resolve, reject) => {
    execFile(process.execPath, [SCRIPT], { encoding: 'utf8', timeout: 30_000 }, (error, stdout, stderr) => {
      if (error !== null) {
        reject(new Error(`could not list the default instrumentations: ${stderr || error.message}`));
        return;
      }
      const names = JSON.parse(stdout) as unknown;
      if (!Array.isArray(names) || names.length === 0 || !names.every((name) => typeof name === 'string')) {
        reject(new Error(`unexpected list of default instrumentations: ${stdout}`));
        return;
      }
      resolve(names);
    });
  });
}
