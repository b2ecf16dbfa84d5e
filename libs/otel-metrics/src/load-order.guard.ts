import { createRequire } from 'node:module';
import { sep } from 'node:path';

/**
 * Modules that the instrumentations patch as they load: loaded earlier, they stay unpatched. Express is
 * the one the metrics need (`http.route`). Being CommonJS, it sits in the require cache even when an ES
 * module imported it; an ES module such as @nestjs/core leaves no trace that could be checked here.
 */
const PATCHED_ON_LOAD = ['express'] as const;

const loadedCommonJsModules = (): string[] => Object.keys(createRequire(import.meta.url).cache);

/**
 * Fails fast when telemetry starts too late. Patching happens when a module is first loaded, so an
 * Express loaded before the SDK and its loader hooks serves requests that no metric labels with a route,
 * silently, with no error anywhere. A static import of the app in main.ts is enough to cause it.
 */
export function assertInstrumentedModulesNotLoaded(loadedPaths: readonly string[] = loadedCommonJsModules()): void {
  const loaded = PATCHED_ON_LOAD.filter((name) =>
    loadedPaths.some((path) => path.includes(`${sep}node_modules${sep}${name.split('/').join(sep)}${sep}`)),
  );
  if (loaded.length > 0) {
    throw new Error(
      `telemetry must start before ${loaded.join(' and ')} ${loaded.length > 1 ? 'are' : 'is'} loaded, ` +
        'or they are not instrumented: import the app only once startTelemetry() has run (main.ts)',
    );
  }
}
