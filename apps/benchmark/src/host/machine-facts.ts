import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { cpus, loadavg, release, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** What a reader needs to compare a result with theirs: the machine, and the versions measured. */
export interface MachineFacts {
  readonly cpuModel: string;
  readonly cpus: number;
  readonly memoryBytes: number;
  readonly kernel: string;
  readonly node: string;
  /** Installed version of each package whose cost is measured, and of the load generator. */
  readonly packages: Readonly<Record<string, string>>;
  /** `wrk -v`'s first line, or undefined when wrk is not installed. */
  readonly wrk?: string;
  /** 1, 5 and 15 minute load averages at the start: a busy machine shows here. */
  readonly loadAverageAtStart: readonly number[];
}

export const MEASURED_PACKAGES = [
  '@nestjs/core',
  'express',
  '@prometheus-io/client',
  '@opentelemetry/sdk-node',
  '@opentelemetry/exporter-prometheus',
  '@opentelemetry/auto-instrumentations-node',
  'autocannon',
] as const;

export async function readMachineFacts(): Promise<MachineFacts> {
  // Empty when no CPU information is available (no /proc, for one).
  const first = cpus().at(0);
  return {
    cpuModel: first?.model.trim() ?? 'unknown',
    cpus: cpus().length,
    memoryBytes: totalmem(),
    kernel: release(),
    node: process.version,
    packages: Object.fromEntries(MEASURED_PACKAGES.map((name) => [name, installedVersion(name)])),
    wrk: await wrkVersion(),
    loadAverageAtStart: loadavg().map((value) => Math.round(value * 100) / 100),
  };
}

/**
 * The version in a package's own package.json, found from its entry point upwards: some packages
 * (auto-instrumentations-node) do not export `./package.json`.
 */
function installedVersion(name: string): string {
  let dir: string;
  try {
    dir = dirname(fileURLToPath(import.meta.resolve(name)));
  } catch {
    return 'not installed';
  }
  for (; dirname(dir) !== dir; dir = dirname(dir)) {
    const candidate = join(dir, 'package.json');
    if (!existsSync(candidate)) continue;
    const manifest = JSON.parse(readFileSync(candidate, 'utf8')) as { name?: string; version?: string };
    if (manifest.name === name) return manifest.version ?? 'unknown';
  }
  return 'unknown';
}

/** wrk prints its version with its usage, and exits 1: the output is read either way. */
function wrkVersion(): Promise<string | undefined> {
  return new Promise((resolve) => {
    execFile('wrk', ['-v'], { encoding: 'utf8' }, (error, stdout) => {
      if (error !== null && error.code === 'ENOENT') {
        resolve(undefined);
        return;
      }
      const line = stdout.split('\n')[0].trim();
      resolve(line.startsWith('wrk') ? line : undefined);
    });
  });
}
