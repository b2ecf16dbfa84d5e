import type { Instrumentation } from '@opentelemetry/instrumentation';
import { register } from 'import-in-the-middle/register-hooks.mjs';

let registered = false;

/** The packages an instrumentation patches, as its module definitions name them (`express`, `http`). */
function patchedModules(instrumentation: Instrumentation): string[] {
  const withDefinitions = instrumentation as Partial<{ getModuleDefinitions(): { name: string }[] }>;
  return withDefinitions.getModuleDefinitions?.().map((definition) => definition.name) ?? [];
}

/**
 * Lets the instrumentations patch modules loaded by `import`, not only by `require`. NestJS 12 is ESM:
 * @nestjs/platform-express imports Express, and the require hook that instrumentations install never sees
 * that import, so `http.route` would be missing from every HTTP metric. import-in-the-middle's synchronous
 * loader hooks (`module.registerHooks`, in-thread, no DEP0205 warning on Node 26, unlike `module.register`)
 * intercept those imports, restricted to the packages the instrumentations patch so that nothing else is
 * wrapped. Must run before the app is imported: modules already loaded stay as they are.
 */
export function registerEsmInstrumentationHooks(instrumentations: readonly Instrumentation[]): void {
  if (registered) return;
  registered = true;
  const include = [...new Set(instrumentations.flatMap(patchedModules))];
  if (include.length > 0) register({ include });
}
