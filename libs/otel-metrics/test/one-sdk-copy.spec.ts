/**
 * One copy of each OpenTelemetry package: two copies of the SDK or of the API each keep their own global
 * MeterProvider and their own instrumentation registry, so that instruments registered through one are
 * never exported by the other (silently missing metrics). auto-instrumentations-node pins a minor of
 * sdk-node and the instrumentation base; the root package.json must pick versions that deduplicate.
 */
import { globSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from '@app/testing';

const SHARED = [
  '@opentelemetry/api',
  '@opentelemetry/core',
  '@opentelemetry/instrumentation',
  '@opentelemetry/resources',
  '@opentelemetry/sdk-metrics',
  '@opentelemetry/sdk-node',
  '@opentelemetry/exporter-prometheus',
  'import-in-the-middle',
];

it.each(SHARED)('installs one copy of %s', (name) => {
  const copies = globSync(`node_modules/**/node_modules/${name}/package.json`, { cwd: REPO_ROOT })
    .concat(globSync(`node_modules/${name}/package.json`, { cwd: REPO_ROOT }))
    .map(
      (file) => `${file}: ${(JSON.parse(readFileSync(join(REPO_ROOT, file), 'utf8')) as { version: string }).version}`,
    );
  expect(copies).toEqual([expect.stringMatching(new RegExp(`^node_modules/${name}/package.json: `))]);
});
