import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * The version of the nearest package.json above `fromDir`: the repository's root one, whether the app
 * runs compiled from `dist/apps/otel-app/src` or from its sources. Read at run time rather than
 * imported, so that the build does not copy package.json into `dist/`.
 */
export function readRootPackageVersion(fromDir: string): string {
  for (let dir = fromDir; ; dir = dirname(dir)) {
    const candidate = join(dir, 'package.json');
    if (existsSync(candidate)) {
      const { version } = JSON.parse(readFileSync(candidate, 'utf8')) as { version?: unknown };
      if (typeof version !== 'string') throw new Error(`${candidate} has no "version"`);
      return version;
    }
    if (dirname(dir) === dir) throw new Error(`no package.json above ${fromDir}`);
  }
}
