import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { ManagedProcess } from '../managed-process.js';
import { waitForHttpOk } from '../wait-for.js';

/** The apps the stack runs, by their folder under apps/. */
export type StackApp = 'otel-app' | 'prom-client-app' | 'alert-receiver' | 'local-dashboard';

export function compiledEntry(repoRoot: string, app: StackApp): string {
  const entry = join(repoRoot, 'dist', 'apps', app, 'src', 'main.js');
  if (!existsSync(entry)) throw new Error(`${entry} is missing: run "npm run build" first`);
  return entry;
}

/** Starts a compiled app as its own Node process and waits until its `/health` answers. */
export async function startApp(
  repoRoot: string,
  app: StackApp,
  env: Readonly<Record<string, string>>,
  healthUrl: string,
): Promise<ManagedProcess> {
  const process = new ManagedProcess({
    name: app,
    command: globalThis.process.execPath,
    args: [compiledEntry(repoRoot, app)],
    env: { NODE_ENV: 'production', ...env },
    cwd: repoRoot,
    // A terminal's Ctrl-C must reach the demo alone: it stops the traffic before the apps.
    ownProcessGroup: true,
  });
  await process.whenReady(() => waitForHttpOk(healthUrl, 30_000));
  return process;
}
