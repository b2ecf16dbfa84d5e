import { execFileSync } from 'node:child_process';

/** The binaries the local stack runs, and how to get each on Debian. */
export const STACK_BINARIES = {
  prometheus: { name: 'prometheus', debianPackage: 'prometheus' },
  promtool: { name: 'promtool', debianPackage: 'prometheus' },
  alertmanager: { name: 'prometheus-alertmanager', debianPackage: 'prometheus-alertmanager' },
  amtool: { name: 'amtool', debianPackage: 'prometheus-alertmanager' },
} as const;

export type StackBinary = keyof typeof STACK_BINARIES;

/** Path of `name` on PATH, or undefined. */
export function locateBinary(name: string): string | undefined {
  try {
    return execFileSync('sh', ['-c', 'command -v "$0"', name], { encoding: 'utf8' }).trim() || undefined;
  } catch {
    return undefined;
  }
}

export class MissingBinaryError extends Error {
  constructor(readonly missing: readonly StackBinary[]) {
    const packages = [...new Set(missing.map((binary) => STACK_BINARIES[binary].debianPackage))];
    super(
      `missing on PATH: ${missing.map((binary) => STACK_BINARIES[binary].name).join(', ')}. ` +
        `Install with: sudo apt-get install -y ${packages.join(' ')}`,
    );
    this.name = 'MissingBinaryError';
  }
}

/** Paths of the given stack binaries; throws a {@link MissingBinaryError} saying how to install any that is missing. */
export function locateStackBinaries<B extends StackBinary>(...binaries: B[]): Record<B, string> {
  const found = {} as Record<B, string>;
  const missing: StackBinary[] = [];
  for (const binary of binaries) {
    const path = locateBinary(STACK_BINARIES[binary].name);
    if (path) found[binary] = path;
    else missing.push(binary);
  }
  if (missing.length > 0) throw new MissingBinaryError(missing);
  return found;
}
