/**
 * One jest run for everything: unit specs next to the code (`*.spec.ts`) and integration tests that
 * start real processes (`test/**\/*.e2e-spec.ts`). Integration tests run the compiled apps, so
 * `npm test` builds first.
 */
const { pathsToModuleNameMapper } = require('ts-jest');
const { compilerOptions } = require('./tsconfig.json');

/** @type {import('jest').Config} */
module.exports = {
  rootDir: '.',
  testEnvironment: 'node',
  moduleFileExtensions: ['ts', 'js', 'json'],
  testMatch: [
    '<rootDir>/{apps,libs,observability,scripts,docs}/**/*.spec.ts',
    '<rootDir>/{apps,libs,observability,scripts,docs}/**/*.e2e-spec.ts',
  ],
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json' }] },
  moduleNameMapper: pathsToModuleNameMapper(compilerOptions.paths, { prefix: '<rootDir>/' }),
  testPathIgnorePatterns: ['/node_modules/', '/dist/'],
  testTimeout: 60_000,
  // Integration suites start servers, Prometheus and Alertmanager: two at a time fits two cores.
  maxWorkers: 2,
};
