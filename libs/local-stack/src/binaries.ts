import { execFileSync } from 'node:child_process';
import { accessSync, constants, existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { coerce, gte } from 'semver';

/** The command that installs the stack's binaries into {@link PROJECT_TOOLS_BIN} (Debian and Ubuntu). */
export const INSTALL_STACK_BINARIES_COMMAND = 'npm run install:stack-binaries';

/**
 * The binaries the local stack and the tests run, the oldest version each must be, and the Debian package
 * that has it. Prometheus 3 is what compose and users run (UTF-8 names, normalised `le`, left-open ranges):
 * rules checked on 2.x would prove little about it.
 */
export const STACK_BINARIES = {
  prometheus: { name: 'prometheus', minVersion: '3.5.0', debianPackage: 'prometheus' },
  promtool: { name: 'promtool', minVersion: '3.5.0', debianPackage: 'promtool' },
  alertmanager: { name: 'prometheus-alertmanager', minVersion: '0.28.0', debianPackage: 'prometheus-alertmanager' },
  amtool: { name: 'amtool', minVersion: '0.28.0', debianPackage: 'prometheus-alertmanager' },
} as const;

export type StackBinary = keyof typeof STACK_BINARIES;

/** The repository's root: the nearest folder above this file that holds nest-cli.json (from src/ or dist/). */
function projectRoot(from: string = import.meta.dirname): string {
  for (let folder = from; ; folder = dirname(folder)) {
    if (existsSync(join(folder, 'nest-cli.json'))) return folder;
    if (dirname(folder) === folder) throw new Error(`no nest-cli.json above ${from}`);
  }
}

/** Where {@link INSTALL_STACK_BINARIES_COMMAND} puts the binaries; looked in before PATH. */
export const PROJECT_TOOLS_BIN = join(projectRoot(), '.tools', 'bin');

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** Path of `name` in {@link PROJECT_TOOLS_BIN}, else on PATH, else undefined. */
export function locateBinary(name: string): string | undefined {
  const projectCopy = join(PROJECT_TOOLS_BIN, name);
  if (isExecutable(projectCopy)) return projectCopy;
  try {
    return execFileSync('sh', ['-c', 'command -v "$0"', name], { encoding: 'utf8' }).trim() || undefined;
  } catch {
    return undefined;
  }
}

/** The version a Prometheus-project binary prints (`prometheus, version 3.5.3+ds1 (branch: ...)`), or undefined. */
export function binaryVersion(path: string): string | undefined {
  try {
    const output = execFileSync(path, ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    return /\bversion (\d+\.\d+\.\d+)/.exec(output)?.[1];
  } catch (error) {
    // Older builds print their version on stderr (a string, given the encoding, when the binary ran at all).
    const { stderr } = error as { stderr?: unknown };
    return /\bversion (\d+\.\d+\.\d+)/.exec(typeof stderr === 'string' ? stderr : '')?.[1];
  }
}

/** Why a stack binary cannot be used: missing, or older than its floor. */
export interface UnusableBinary {
  binary: StackBinary;
  /** The version found, when the binary is there but too old (or prints none). */
  found?: string;
}

export class MissingBinaryError extends Error {
  constructor(readonly unusable: readonly UnusableBinary[]) {
    const reasons = unusable.map(({ binary, found }) => {
      const { name, minVersion } = STACK_BINARIES[binary];
      return found === undefined ? `${name} (missing)` : `${name} ${found} (>= ${minVersion} needed)`;
    });
    super(
      `unusable: ${reasons.join(', ')}. On Debian or Ubuntu, install them into .tools/ with: ` +
        `${INSTALL_STACK_BINARIES_COMMAND}; elsewhere, put the release archives' binaries on PATH ` +
        '(README, "Prometheus and Alertmanager")',
    );
    this.name = 'MissingBinaryError';
  }
}

/** The path of a stack binary, or why it cannot be used. */
export function checkStackBinary(binary: StackBinary): { path: string } | UnusableBinary {
  const { name, minVersion } = STACK_BINARIES[binary];
  const path = locateBinary(name);
  if (!path) return { binary };
  const found = binaryVersion(path);
  const version = coerce(found);
  if (!version || !gte(version, minVersion)) return { binary, found: found ?? 'of unknown version' };
  return { path };
}

/** Paths of the given stack binaries; throws a {@link MissingBinaryError} saying what to run for any unusable one. */
export function locateStackBinaries<B extends StackBinary>(...binaries: B[]): Record<B, string> {
  const found = {} as Record<B, string>;
  const unusable: UnusableBinary[] = [];
  for (const binary of binaries) {
    const checked = checkStackBinary(binary);
    if ('path' in checked) found[binary] = checked.path;
    else unusable.push(checked);
  }
  if (unusable.length > 0) throw new MissingBinaryError(unusable);
  return found;
}
