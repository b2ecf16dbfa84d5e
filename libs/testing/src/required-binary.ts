import {
  checkStackBinary,
  locateBinary,
  MissingBinaryError,
  STACK_BINARIES,
  type StackBinary,
  type UnusableBinary,
} from '@app/local-stack';

/**
 * Finds a binary that a test needs, in the project's .tools/bin then on PATH. In CI (`CI=true`) a missing
 * binary fails the test run; locally the test is skipped and says why, so a developer without Prometheus
 * can still run the rest.
 */
export function findBinary(name: string): string | undefined {
  return locateBinary(name);
}

export const isCi = (): boolean => /^(1|true)$/i.test(process.env.CI ?? '');

export interface BinaryRequirement {
  /** Path of each binary, by name, when all are present. */
  paths: Record<string, string>;
  /** Why the suite is skipped (local run, binary missing or too old), or undefined when it can run. */
  skipReason?: string;
}

const stackBinaryNamed = (name: string): StackBinary | undefined =>
  (Object.keys(STACK_BINARIES) as StackBinary[]).find((binary) => STACK_BINARIES[binary].name === name);

/** Binaries by their command name; the stack's (prometheus, promtool, ...) must also be recent enough. */
export function requireBinaries(...names: string[]): BinaryRequirement {
  const paths: Record<string, string> = {};
  const reasons: string[] = [];
  const unusableStack: UnusableBinary[] = [];
  for (const name of names) {
    const stackBinary = stackBinaryNamed(name);
    if (stackBinary) {
      const checked = checkStackBinary(stackBinary);
      if ('path' in checked) paths[name] = checked.path;
      else unusableStack.push(checked);
      continue;
    }
    const path = findBinary(name);
    if (path) paths[name] = path;
    else reasons.push(`missing: ${name} (Debian: apt-get install -y ${name})`);
  }
  if (unusableStack.length > 0) reasons.unshift(new MissingBinaryError(unusableStack).message);
  if (reasons.length === 0) return { paths };
  const hint = reasons.join('; ');
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
