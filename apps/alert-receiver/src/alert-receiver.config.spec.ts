import { ConfigValidationError } from '@app/config';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import {
  ALERT_RECEIVER_NUMBER_RULES,
  defaultRunbooksFile,
  type FileReader,
  readAlertReceiverConfig,
} from './alert-receiver.config.js';

const RUNBOOKS = '# Runbooks\n';

/** The disk as these tests see it: the default runbooks file, and nothing else. */
const noFile: FileReader = (path) => {
  if (path === defaultRunbooksFile()) return RUNBOOKS;
  throw new Error(`ENOENT: no such file or directory, open '${path}'`);
};

function problemsOf(env: Record<string, string>, readFile: FileReader = noFile): readonly string[] {
  try {
    readAlertReceiverConfig(env, readFile);
  } catch (error) {
    if (error instanceof ConfigValidationError) return error.problems;
    throw error;
  }
  throw new Error('expected the configuration to be rejected');
}

describe('readAlertReceiverConfig', () => {
  it('has defaults for everything, and no token', () => {
    expect(readAlertReceiverConfig({}, noFile)).toEqual({
      port: 8082,
      host: '0.0.0.0',
      maxAlerts: ALERT_RECEIVER_NUMBER_RULES.maxAlerts.default,
      bodyLimitBytes: 1024 * 1024,
      pageRefreshSeconds: 5,
      token: undefined,
      runbooksMarkdown: RUNBOOKS,
    });
  });

  it('reads every variable', () => {
    const config = readAlertReceiverConfig(
      {
        PORT: '9000',
        HOST: '127.0.0.1',
        ALERT_RECEIVER_MAX_ALERTS: '50',
        ALERT_RECEIVER_BODY_LIMIT_BYTES: '4096',
        ALERT_RECEIVER_PAGE_REFRESH_SECONDS: '10',
        ALERT_RECEIVER_TOKEN: 's3cret',
      },
      noFile,
    );
    expect(config).toEqual({
      port: 9000,
      host: '127.0.0.1',
      maxAlerts: 50,
      bodyLimitBytes: 4096,
      pageRefreshSeconds: 10,
      token: 's3cret',
      runbooksMarkdown: RUNBOOKS,
    });
  });

  it("serves the repository's docs/runbooks.md by default, or the file ALERT_RECEIVER_RUNBOOKS_FILE names", () => {
    expect(defaultRunbooksFile()).toBe(join(import.meta.dirname, '..', '..', '..', 'docs', 'runbooks.md'));
    expect(existsSync(defaultRunbooksFile())).toBe(true);
    const config = readAlertReceiverConfig({ ALERT_RECEIVER_RUNBOOKS_FILE: '/srv/runbooks.md' }, (path) =>
      path === '/srv/runbooks.md' ? '# Ours\n' : noFile(path),
    );
    expect(config.runbooksMarkdown).toBe('# Ours\n');
  });

  it('reads the token from a file, trimmed like Alertmanager does with credentials_file', () => {
    const config = readAlertReceiverConfig({ ALERT_RECEIVER_TOKEN_FILE: '/run/secrets/token' }, (path) =>
      path === '/run/secrets/token' ? '  from-file\n' : noFile(path),
    );
    expect(config.token).toBe('from-file');
  });

  it.each([
    [{ PORT: '70000' }, 'PORT'],
    [{ PORT: 'http' }, 'PORT'],
    [{ ALERT_RECEIVER_MAX_ALERTS: '0' }, 'ALERT_RECEIVER_MAX_ALERTS'],
    [{ ALERT_RECEIVER_MAX_ALERTS: '1000000' }, 'ALERT_RECEIVER_MAX_ALERTS'],
    [{ ALERT_RECEIVER_MAX_ALERTS: 'many' }, 'ALERT_RECEIVER_MAX_ALERTS'],
    [{ ALERT_RECEIVER_BODY_LIMIT_BYTES: '1mb' }, 'ALERT_RECEIVER_BODY_LIMIT_BYTES'],
    [{ ALERT_RECEIVER_BODY_LIMIT_BYTES: '100' }, 'ALERT_RECEIVER_BODY_LIMIT_BYTES'],
    [{ ALERT_RECEIVER_PAGE_REFRESH_SECONDS: '0' }, 'ALERT_RECEIVER_PAGE_REFRESH_SECONDS'],
    [{ ALERT_RECEIVER_TOKEN_FILE: '/missing' }, 'ALERT_RECEIVER_TOKEN_FILE'],
    [{ ALERT_RECEIVER_TOKEN: 'a', ALERT_RECEIVER_TOKEN_FILE: '/x' }, 'ALERT_RECEIVER_TOKEN_FILE'],
    [{ ALERT_RECEIVER_RUNBOOKS_FILE: '/missing/runbooks.md' }, 'ALERT_RECEIVER_RUNBOOKS_FILE'],
  ])('rejects %j, naming %s', (env, variable) => {
    const problems = problemsOf(env);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain(variable);
  });

  it('rejects a token file that holds only whitespace', () => {
    expect(problemsOf({ ALERT_RECEIVER_TOKEN_FILE: '/empty' }, () => '\n \n')).toEqual([
      'ALERT_RECEIVER_TOKEN_FILE points at an empty file (/empty)',
    ]);
  });

  it('names every bad variable at once', () => {
    expect(problemsOf({ PORT: '-1', ALERT_RECEIVER_MAX_ALERTS: 'x' })).toHaveLength(2);
  });
});
