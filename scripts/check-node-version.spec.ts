/**
 * An older Node.js is stopped at once, before anything is installed or built: `npm ci` by npm itself
 * (`engine-strict` in .npmrc), `npm run demo` and `npm test` by scripts/check-node-version.cjs.
 */
import { execFile, execFileSync } from 'node:child_process';
import { readFileSync, realpathSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { satisfies } from 'semver';
import { promisify } from 'node:util';
import { present, REPO_ROOT } from '@app/testing';

const run = async (command: string, args: string[]) => {
  try {
    const { stdout, stderr } = await promisify(execFile)(command, args, { cwd: REPO_ROOT });
    return { code: 0, output: stdout + stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, output: failed.stdout + failed.stderr };
  }
};
const engines = (JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as { engines: { node: string } })
  .engines.node;

it('runs the demo and the tests only on a Node.js that engines allows, and says how to get one', async () => {
  const old = await run(process.execPath, ['scripts/check-node-version.cjs', 'v20.20.2']);
  expect(old.code).toBe(1);
  expect(old.output).toContain(`needs Node.js ${engines}`);
  expect(old.output).toContain('this is Node.js v20.20.2');
  expect(old.output).toContain('nvm install');
  for (const script of ['demo', 'pretest']) {
    expect(
      (JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> })
        .scripts[script],
    ).toMatch(/^node scripts\/check-node-version\.cjs && /);
  }
  expect(await run(process.execPath, ['scripts/check-node-version.cjs'])).toEqual({ code: 0, output: '' });
  expect((await run(process.execPath, ['scripts/check-node-version.cjs', '24.11.0'])).code).toBe(1);
  expect((await run(process.execPath, ['scripts/check-node-version.cjs', '26.0.0'])).code).toBe(0);
});

/** A Node.js older than `engines` on this machine, outside the project's own (`.cache/node`), if there is one. */
const olderSystemNode = ['/usr/bin/node', '/usr/local/bin/node'].find((path) => {
  try {
    return !satisfies(execFileSync(path, ['--version'], { encoding: 'utf8' }).trim(), engines);
  } catch {
    return false;
  }
});
const npmCli = join(
  dirname(realpathSync(execFileSync('sh', ['-c', 'command -v npm'], { encoding: 'utf8' }).trim())),
  'npm-cli.js',
);

// npm checks `engines` itself, with engine-strict: only a real older Node can show it (npm 11 has no way to
// pretend another version). this project's machines have one (Node 20 in /usr/bin); elsewhere the test says why it is skipped.
(olderSystemNode ? it : it.skip)(
  `has npm refuse to install on an older Node.js (engine-strict), before downloading anything${olderSystemNode ? '' : ' (skipped: no Node.js older than engines on this machine)'}`,
  async () => {
    expect(readFileSync(join(REPO_ROOT, '.npmrc'), 'utf8')).toMatch(/^engine-strict=true$/m);
    const { code, output } = await run(present(olderSystemNode, 'an older Node.js'), [
      npmCli,
      'ci',
      '--dry-run',
      '--no-audit',
      '--no-fund',
    ]);
    expect(code).not.toBe(0);
    expect(output).toContain('EBADENGINE');
    expect(output).toContain(engines);
  },
);
