import { ConfigValidationError, EnvReader } from '@app/config';
import { readWorkerClusterSettings, WORKER_CLUSTER_NUMBER_RULES } from './worker-cluster.settings.js';

function read(env: Record<string, string>) {
  const reader = new EnvReader(env);
  const settings = readWorkerClusterSettings(reader);
  reader.assertValid();
  return settings;
}

function problemsOf(env: Record<string, string>): readonly string[] {
  try {
    read(env);
  } catch (error) {
    if (error instanceof ConfigValidationError) return error.problems;
    throw error;
  }
  throw new Error('expected the settings to be rejected');
}

describe('readWorkerClusterSettings', () => {
  it('defaults to one process, exactly as without a cluster', () => {
    expect(read({})).toEqual({ workers: 1, shutdownTimeoutMs: WORKER_CLUSTER_NUMBER_RULES.shutdownTimeoutMs.default });
  });

  it('reads WORKERS and WORKERS_SHUTDOWN_TIMEOUT_MS', () => {
    expect(read({ WORKERS: '3', WORKERS_SHUTDOWN_TIMEOUT_MS: '2500' })).toEqual({
      workers: 3,
      shutdownTimeoutMs: 2500,
    });
    expect(read({ WORKERS: '64' }).workers).toBe(64);
  });

  it.each([
    ['WORKERS', '0'],
    ['WORKERS', '65'],
    ['WORKERS', '2.5'],
    ['WORKERS', 'auto'],
    ['WORKERS_SHUTDOWN_TIMEOUT_MS', '10'],
    ['WORKERS_SHUTDOWN_TIMEOUT_MS', 'soon'],
  ])('rejects %s=%s, naming it', (name, value) => {
    const problems = problemsOf({ [name]: value });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(new RegExp(`^${name} `));
  });
});
