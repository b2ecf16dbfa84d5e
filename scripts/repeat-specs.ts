/**
 * `npm run test:repeat -- [--runs N] SPEC...`: runs each spec N times in a row (10 by default), one jest run at a
 * time, and prints each spec's passes and run times: how the live specs are shown not to flake. Build first
 * (`npm run build`): the specs start the compiled apps.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';

interface JestResults {
  numPassedTests: number;
  numFailedTests: number;
  testResults: Array<{ startTime: number; endTime: number; status: string }>;
}

const USAGE = 'Usage: npm run test:repeat -- [--runs N] SPEC...';

function parse(): { runs: number; specs: string[] } {
  const { values, positionals } = parseArgs({
    options: { runs: { type: 'string', default: '10' } },
    allowPositionals: true,
  });
  const runs = Number(values.runs);
  if (!Number.isInteger(runs) || runs < 1)
    throw new Error(`--runs must be a positive integer, got "${values.runs}"\n${USAGE}`);
  if (positionals.length === 0) throw new Error(`no spec given\n${USAGE}`);
  return { runs, specs: positionals };
}

function runOnce(spec: string, outputFile: string): { passed: boolean; seconds: number; tests: string } {
  const started = Date.now();
  const run = spawnSync('npx', ['jest', '--runTestsByPath', spec, '--json', `--outputFile=${outputFile}`], {
    env: {
      ...process.env,
      NODE_OPTIONS: `--experimental-vm-modules --disable-warning=ExperimentalWarning ${process.env.NODE_OPTIONS ?? ''}`,
    },
    stdio: ['ignore', 'ignore', 'pipe'],
    encoding: 'utf8',
  });
  const seconds = (Date.now() - started) / 1000;
  try {
    const results = JSON.parse(readFileSync(outputFile, 'utf8')) as JestResults;
    const passed = run.status === 0 && results.numFailedTests === 0 && results.numPassedTests > 0;
    return { passed, seconds, tests: `${results.numPassedTests} passed, ${results.numFailedTests} failed` };
  } catch {
    return { passed: false, seconds, tests: `no results (exit ${String(run.status)}): ${run.stderr.slice(-300)}` };
  }
}

function main(): number {
  let options;
  try {
    options = parse();
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n`);
    return 2;
  }
  const workDir = mkdtempSync(join(tmpdir(), 'repeat-specs-'));
  let failures = 0;
  try {
    for (const spec of options.specs) {
      const times: number[] = [];
      let passes = 0;
      for (let run = 1; run <= options.runs; run += 1) {
        const result = runOnce(spec, join(workDir, 'results.json'));
        times.push(result.seconds);
        if (result.passed) passes += 1;
        else process.stdout.write(`  ${spec} run ${run} FAILED: ${result.tests}\n`);
      }
      failures += options.runs - passes;
      const sorted = [...times].sort((a, b) => a - b);
      process.stdout.write(
        `${spec}: ${passes}/${options.runs} passed; run times min ${sorted[0].toFixed(0)} s, ` +
          `median ${sorted[Math.floor(sorted.length / 2)].toFixed(0)} s, max ${sorted[sorted.length - 1].toFixed(0)} s\n`,
      );
    }
  } finally {
    rmSync(workDir, { recursive: true, force: true });
  }
  return failures === 0 ? 0 : 1;
}

process.exitCode = main();
