import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { ManagedProcess, waitForHttpOk } from '@app/local-stack';

export const REPO_ROOT = join(import.meta.dirname, '..', '..', '..');

/** The compiled entry point of an app (`npm run build` writes them; `npm test` builds first). */
export function builtEntry(app: string): string {
  const entry = join(REPO_ROOT, 'dist', 'apps', app, 'src', 'main.js');
  if (!existsSync(entry)) {
    throw new Error(`${entry} is missing: run "npm run build" first ("npm test" does it for you)`);
  }
  return entry;
}

export interface StartedApp {
  process: ManagedProcess;
  stop(): Promise<void>;
}

/**
 * Starts a compiled app as a real Node process, as production would, and waits until `readyUrl`
 * answers. A real process matters on the OpenTelemetry path: instrumentation patches modules as
 * they load, which a test runner's module registry would bypass.
 */
export async function startBuiltApp(
  app: string,
  env: Readonly<Record<string, string>>,
  readyUrl: string,
  nodeArgs: readonly string[] = [],
): Promise<StartedApp> {
  const proc = new ManagedProcess({
    name: app,
    command: process.execPath,
    args: [...nodeArgs, builtEntry(app)],
    env: { NODE_ENV: 'test', ...env },
    cwd: REPO_ROOT,
  });
  await proc.whenReady(() => waitForHttpOk(readyUrl, 20_000));
  return { process: proc, stop: () => proc.stop() };
}
