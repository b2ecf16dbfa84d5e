/**
 * The apps' Dockerfile, read as text (no Docker engine here): two stages, a pinned Node.js that the
 * project supports, dev dependencies pruned, a non-root user, and an entry point where `nest build` puts
 * each app compose builds.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { major, satisfies } from 'semver';
import { REPO_ROOT } from '@app/testing';
import { loadComposeProject } from './compose-project.js';

interface Stage {
  from: string;
  name: string;
  instructions: string[];
}

const dockerfile = readFileSync(join(REPO_ROOT, 'Dockerfile'), 'utf8');
/** Instructions with their continuation lines joined, comments dropped. */
const instructions = dockerfile
  .replace(/\\\n/g, ' ')
  .split('\n')
  .map((line) => line.trim())
  .filter((line) => line !== '' && !line.startsWith('#'));

const stages: Stage[] = [];
for (const instruction of instructions) {
  const from = /^FROM (\S+) AS (\S+)$/i.exec(instruction);
  if (from) stages.push({ from: from[1], name: from[2], instructions: [] });
  else stages.at(-1)?.instructions.push(instruction);
}
const [build, runtime] = stages;
const nodeImage = /^ARG NODE_IMAGE=(\S+)$/m.exec(dockerfile)?.[1] ?? '';

it('builds in one stage and runs from another, both on the pinned Node.js image', () => {
  expect(stages.map((stage) => stage.name)).toEqual(['build', 'runtime']);
  for (const stage of stages) expect(stage.from).toBe('${NODE_IMAGE}');
  expect(nodeImage).toMatch(/^node:\d+\.\d+\.\d+-[a-z]+-slim$/);
});

it('pins a Node.js version that package.json supports, of the major that .nvmrc names', () => {
  const version = /^node:(\d+\.\d+\.\d+)-/.exec(nodeImage)?.[1] ?? '';
  const engines = (JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as { engines: { node: string } })
    .engines.node;
  expect(satisfies(version, engines)).toBe(true);
  expect(String(major(version))).toBe(readFileSync(join(REPO_ROOT, '.nvmrc'), 'utf8').trim());
});

it('installs from the lockfile, builds as `npm run build` does, then drops dev dependencies', () => {
  const runs = build.instructions.filter((line) => line.startsWith('RUN ')).join('\n');
  expect(runs).toMatch(/npm ci\b/);
  expect(runs).toMatch(/npm run build && npm prune --omit=dev/);
});

it('runs as the unprivileged node user, with only dist, production modules, package.json and the runbooks', () => {
  const users = runtime.instructions.filter((line) => line.startsWith('USER '));
  expect(users).toEqual(['USER node']);
  const copies = runtime.instructions.filter((line) => line.startsWith('COPY '));
  expect(copies.every((line) => line.startsWith('COPY --from=build '))).toBe(true);
  expect(copies.map((line) => line.split(/\s+/)[2]).sort()).toEqual(
    ['/app/dist', '/app/node_modules', '/app/package.json', '/app/docs/runbooks.md'].sort(),
  );
  const ignored = readFileSync(join(REPO_ROOT, '.dockerignore'), 'utf8').split('\n');
  // docs/ stays out of the build context, but for the runbooks the runtime stage copies.
  expect(ignored.indexOf('!docs/runbooks.md')).toBeGreaterThan(ignored.indexOf('docs'));
});

it('starts `node dist/apps/<APP>/src/main.js`, where nest build writes each app that compose builds', () => {
  const cmd = runtime.instructions.find((line) => line.startsWith('CMD '));
  expect(cmd).toContain('exec node dist/apps/${APP}/src/main.js');
  const nestCli = JSON.parse(readFileSync(join(REPO_ROOT, 'nest-cli.json'), 'utf8')) as {
    projects: Partial<Record<string, { entryFile?: string }>>;
  };
  const apps = Object.values(loadComposeProject().services).flatMap((service) => service.build?.args?.APP ?? []);
  expect(apps.length).toBeGreaterThan(0);
  for (const app of apps) expect(nestCli.projects[app]?.entryFile).toBe(`apps/${app}/src/main`);
});

it('keeps host build output, dependencies, VCS data and local secrets out of the build context', () => {
  const ignored = readFileSync(join(REPO_ROOT, '.dockerignore'), 'utf8').split('\n');
  for (const entry of ['node_modules', 'dist', '.git', '.env']) expect(ignored).toContain(entry);
});
