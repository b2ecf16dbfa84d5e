import { execFile } from 'node:child_process';
import type { LoadRound, LoadSpec } from './load-round.js';
import { parseWrkOutput } from './wrk-output.js';

/**
 * One round of wrk, the second opinion: a C load generator with its own HTTP parser and timing.
 * One thread, on the CPU this process is pinned to (a child inherits its parent's affinity).
 * wrk takes whole seconds.
 */
export function runWrkRound(spec: LoadSpec): Promise<LoadRound> {
  const args = [
    '--threads',
    '1',
    '--connections',
    String(spec.connections),
    '--duration',
    `${Math.max(1, Math.round(spec.durationSeconds))}s`,
    '--timeout',
    '10s',
    '--latency',
    spec.url,
  ];
  return new Promise((resolve, reject) => {
    execFile('wrk', args, { encoding: 'utf8', signal: spec.signal }, (error, stdout, stderr) => {
      if (error !== null) {
        reject(new Error(`wrk ${args.join(' ')} failed: ${error.message}\n${stderr}`));
        return;
      }
      try {
        resolve({ generator: 'wrk', ...parseWrkOutput(stdout) });
      } catch (parseError) {
        reject(parseError instanceof Error ? parseError : new Error(String(parseError)));
      }
    });
  });
}
