import { sep } from 'node:path';

/** Modules that the instrumentations patch as they load: loaded earlier, they stay unpatched. */
const PATCHED_ON_LOAD = ['express', '@nestjs/core'] as const;

/**
 * Fails fast when telemetry starts too late. Patching happens when a module is first required, so an
 * Express or Nest loaded before the SDK serves requests that no metric records — silently, with no
 * error anywhere. An import reordered by an editor is enough to cause it.
 */
export function assertInstrumentedModulesNotLoaded(loadedPaths: readonly string[] = Object.keys(require.cache)): void {
  const loaded = PATCHED_ON_LOAD.filter((name) =>
    loadedPaths.some((path) => path.includes(`${sep}node_modules${sep}${name.split('/').join(sep)}${sep}`)),
  );
  if (loaded.length > 0) {
    throw new Error(
      `telemetry must start before ${loaded.join(' and ')} ${loaded.length > 1 ? 'are' : 'is'} loaded, ` +
        'or they are not instrumented: import the telemetry start-up first in main.ts',
    );
  }
}
