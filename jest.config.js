/**
 * One jest run for everything: unit specs next to the code (`*.spec.ts`) and integration tests that
 * start real processes (`test/**\/*.e2e-spec.ts`). Integration tests run the compiled apps, so
 * `npm test` builds first. The code is ESM, as NestJS 12 is: ts-jest emits ES modules, which jest runs
 * under Node's `--experimental-vm-modules` (set by `npm test`).
 */
import { readFileSync } from 'node:fs';
import { pathsToModuleNameMapper } from 'ts-jest';

const { compilerOptions } = JSON.parse(readFileSync(new URL('./tsconfig.json', import.meta.url), 'utf8'));

/** @type {import('jest').Config} */
export default {
  rootDir: '.',
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts'],
  moduleFileExtensions: ['ts', 'js', 'json'],
  testMatch: [
    '<rootDir>/{apps,libs,observability,scripts,docs}/**/*.spec.ts',
    '<rootDir>/{apps,libs,observability,scripts,docs}/**/*.e2e-spec.ts',
  ],
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json', useESM: true }] },
  // The `@app/*` aliases, and the `.js` endings that ESM imports carry, mapped back to the TypeScript sources.
  moduleNameMapper: pathsToModuleNameMapper(compilerOptions.paths, { prefix: '<rootDir>/', useESM: true }),
  testPathIgnorePatterns: ['/node_modules/', '/dist/'],
  modulePathIgnorePatterns: ['<rootDir>/dist/', '<rootDir>/.tools/', '<rootDir>/.cache/'],
  testTimeout: 60_000,
  // Integration suites start servers, Prometheus and Alertmanager: two at a time fits two cores.
  maxWorkers: 2,
};
