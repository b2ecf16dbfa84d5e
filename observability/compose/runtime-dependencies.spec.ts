/**
 * The Docker image prunes dev dependencies (`npm prune --omit=dev`): an app that imports one at run time
 * would start in `npm run start:*` and crash in its container. This follows each containerised app's
 * imports from its main.ts through the repository's sources (relative paths and `@app/*` aliases) and
 * checks that every package it reaches is a production dependency.
 */
import { existsSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { REPO_ROOT } from '@app/testing';
import { loadComposeProject } from './compose-project.js';

const packageJson = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as {
  dependencies: Record<string, string>;
};
const aliases = (
  JSON.parse(readFileSync(join(REPO_ROOT, 'tsconfig.json'), 'utf8')) as {
    compilerOptions: { paths: Record<string, string[]> };
  }
).compilerOptions.paths;

/** The file a relative or aliased specifier names, or undefined for a package. */
function resolveSource(specifier: string, fromFile: string): string | undefined {
  let base: string | undefined;
  if (specifier.startsWith('.')) base = join(dirname(fromFile), specifier);
  for (const [alias, [target]] of Object.entries(aliases)) {
    if (alias.endsWith('/*') && specifier.startsWith(alias.slice(0, -1))) {
      base = join(REPO_ROOT, target.slice(0, -1), specifier.slice(alias.length - 1));
    } else if (specifier === alias) {
      base = join(REPO_ROOT, target);
    }
  }
  if (base === undefined) return undefined;
  // ESM specifiers name the emitted file (`./x.js`); the source is its `.ts`.
  base = base.replace(/\.js$/, '');
  const candidate = [`${base}.ts`, join(base, 'index.ts'), base].find(
    (file) => existsSync(file) && file.endsWith('.ts'),
  );
  if (!candidate) throw new Error(`cannot resolve ${specifier} from ${relative(REPO_ROOT, fromFile)}`);
  return candidate;
}

/** Packages reached from `entry` through value imports (type-only imports vanish from the compiled code). */
function packagesReachedFrom(entry: string): Map<string, string> {
  const packages = new Map<string, string>();
  const seen = new Set<string>();
  const pending = [entry];
  for (let file = pending.pop(); file !== undefined; file = pending.pop()) {
    if (seen.has(file)) continue;
    seen.add(file);
    const source = readFileSync(file, 'utf8');
    const specifiers = [
      ...source.matchAll(/^\s*(?:import|export)\s+(?!type\s)(?:[^'";]*?\s+from\s+)?['"]([^'"]+)['"]/gm),
      ...source.matchAll(/\b(?:require|import)\(\s*['"]([^'"]+)['"]\s*\)/g),
    ].map((match) => match[1]);
    for (const specifier of specifiers) {
      const local = resolveSource(specifier, file);
      if (local) pending.push(local);
      else {
        const name = specifier.startsWith('@') ? specifier.split('/').slice(0, 2).join('/') : specifier.split('/')[0];
        packages.set(name, relative(REPO_ROOT, file));
      }
    }
  }
  return packages;
}

const apps = Object.values(loadComposeProject().services).flatMap((service) => service.build?.args?.APP ?? []);

it.each(apps)('%s imports only production dependencies and Node built-ins at run time', (app) => {
  const reached = packagesReachedFrom(join(REPO_ROOT, 'apps', app, 'src', 'main.ts'));
  expect(reached.size).toBeGreaterThan(0);
  const missing = [...reached]
    .filter(
      ([name]) => !name.startsWith('node:') && !builtinModules.includes(name) && !(name in packageJson.dependencies),
    )
    .map(([name, file]) => `${name} (imported by ${file})`);
  expect(missing).toEqual([]);
});
