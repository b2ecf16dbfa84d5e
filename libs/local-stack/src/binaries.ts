import { execFileSync } from 'node:child_process';
import { accessSync, constants, existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** The command that builds the stack's binaries into {@link PROJECT_TOOLS_BIN} (observability/stack/install.sh). */
export const INSTALL_STACK_BINARIES_COMMAND = 'npm run install:stack-binaries';

/** The pinned versions of observability/stack/versions.json, which compose's image tags are checked against. */
export interface StackVersions {
  readonly prometheus: string;
  readonly alertmanager: string;
  readonly alertmanagerElmUi: string;
  readonly otelcol: string;
  readonly ocb: string;
  readonly pnpm: string;
}

/**
 * The binaries the local stack and the tests run, and the pinned version each must report: rules, alerts and
 * routing proven on another release would prove little about the one compose and users run.
 */
export const STACK_BINARIES = {
  prometheus: { name: 'prometheus', release: 'prometheus' },
  promtool: { name: 'promtool', release: 'prometheus' },
  alertmanager: { name: 'alertmanager', release: 'alertmanager' },
  amtool: { name: 'amtool', release: 'alertmanager' },
  otelcol: { name: 'otelcol-nest', release: 'otelcol' },
} as const satisfies Record<string, { name: string; release: keyof StackVersions }>;

export type StackBinary = keyof typeof STACK_BINARIES;

/** The repository's root: the nearest folder above this file that holds nest-cli.json (from src/ or dist/). */
function projectRoot(from: string = import.meta.dirname): string {
  for (let folder = from; ; folder = dirname(folder)) {
    if (existsSync(join(folder, 'nest-cli.json'))) return folder;
    if (dirname(folder) === folder) throw new Error(`no nest-cli.json above ${from}`);
  }
}

/** observability/stack/versions.json, read once. */
export const STACK_VERSIONS: StackVersions = JSON.parse(
  readFileSync(join(projectRoot(), 'observability', 'stack', 'versions.json'), 'utf8'),
) as StackVersions;

/** The version a stack binary must report. */
export const pinnedVersion = (binary: StackBinary): string => STACK_VERSIONS[STACK_BINARIES[binary].release];

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

/**
 * The version a stack binary prints (`prometheus, version 3.13.5 (branch: HEAD, ...)`, `otelcol-nest version
 * 0.165.0`), or undefined: a build without the release's version ldflags prints none.
 */
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

/** Why a stack binary cannot be used: missing, or not the pinned version. */
export interface UnusableBinary {
  binary: StackBinary;
  /** The version found, when the binary is there but not the pinned one (or prints none). */
  found?: string;
}

export class MissingBinaryError extends Error {
  constructor(readonly unusable: readonly UnusableBinary[]) {
    const reasons = unusable.map(({ binary, found }) => {
      const { name } = STACK_BINARIES[binary];
      return found === undefined ? `${name} (missing)` : `${name} ${found} (${pinnedVersion(binary)} pinned)`;
    });
    super(
      `unusable: ${reasons.join(', ')}. Build the pinned versions into .tools/bin with: ` +
        `${INSTALL_STACK_BINARIES_COMMAND} (needs Go; docs/stack-binaries.md says how to use release archives instead)`,
    );
    this.name = 'MissingBinaryError';
  }
}

/** The path of a stack binary, or why it cannot be used. */
export function checkStackBinary(binary: StackBinary): { path: string } | UnusableBinary {
  const path = locateBinary(STACK_BINARIES[binary].name);
  if (!path) return { binary };
  const found = binaryVersion(path);
  if (found !== pinnedVersion(binary)) return { binary, found: found ?? 'of unknown version' };
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
