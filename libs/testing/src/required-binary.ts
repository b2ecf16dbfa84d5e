import { execFileSync } from 'node:child_process';

/**
 * Finds a binary that a test needs on PATH. In CI (`CI=true`) a missing binary fails the test run;
 * locally the test is skipped and says why, so a developer without Prometheus can still run the rest.
 */
export function findBinary(name: string): string | undefined {
  try {
    return execFileSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' }).trim() || undefined;
  } catch {
    return undefined;
  }
}

export const isCi = (): boolean => /^(1|true)$/i.test(process.env.CI ?? '');

export interface BinaryRequirement {
  /** Path of each binary, by name, when all are present. */
  paths: Record<string, string>;
  /** Why the suite is skipped (local run, binary missing), or undefined when it can run. */
  skipReason?: string;
}

export function requireBinaries(...names: string[]): BinaryRequirement {
  const paths: Record<string, string> = {};
  const missing: string[] = [];
  for (const name of names) {
    const path = findBinary(name);
    if (path) paths[name] = path;
    else missing.push(name);
  }
  if (missing.length === 0) return { paths };
  const hint = `missing on PATH: ${missing.join(', ')} (Debian: apt-get install -y prometheus prometheus-alertmanager)`;
  if (isCi()) throw new Error(`CI requires ${hint}`);
  console.warn(`Skipping: ${hint}`);
  return { paths, skipReason: hint };
}

/** `describe` when the binaries are there, `describe.skip` (with the reason printed) when not. */
export function describeWithBinaries(
  names: string[],
  title: string,
  body: (paths: Record<string, string>) => void,
): void {
  const requirement = requireBinaries(...names);
  const run = requirement.skipReason ? describe.skip : describe;
  run(requirement.skipReason ? `${title} (skipped: ${requirement.skipReason})` : title, () => body(requirement.paths));
}
