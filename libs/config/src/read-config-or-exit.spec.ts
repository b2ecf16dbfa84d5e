import { afterEach, expect, jest } from '@jest/globals';
import { type Env, EnvReader } from './env-reader.js';
import { readConfigOrExit } from './read-config-or-exit.js';

/** Reads PORT as the apps' readers do: a ConfigValidationError naming it when it is not a port. */
function readPort(env: Env): number {
  const reader = new EnvReader(env);
  const port = reader.port('PORT', 3000);
  reader.assertValid();
  return port;
}

class ExitCalled extends Error {
  constructor(readonly code: unknown) {
    super(`process.exit(${String(code)})`);
  }
}

describe('readConfigOrExit', () => {
  afterEach(() => {
    jest.restoreAllMocks();
  });

  function spied(): { exit: jest.Spied<typeof process.exit>; stderr: string[] } {
    const stderr: string[] = [];
    jest.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
      stderr.push(String(chunk));
      return true;
    });
    const exit = jest.spyOn(process, 'exit').mockImplementation((code) => {
      throw new ExitCalled(code);
    });
    return { exit, stderr };
  }

  it('returns the configuration read from the environment', () => {
    const { exit } = spied();
    expect(readConfigOrExit('some-app', readPort, { PORT: '8080' })).toBe(8080);
    expect(exit).not.toHaveBeenCalled();
  });

  it('on a bad variable, writes the message naming it after the app name, and exits 1', () => {
    const { stderr } = spied();
    expect(() => readConfigOrExit('some-app', readPort, { PORT: '99999' })).toThrow(new ExitCalled(1));
    expect(stderr.join('')).toMatch(/^some-app: Invalid configuration:\n {2}- PORT .*\n$/);
  });

  it('throws any other error as it is: a bug, not a configuration to fix', () => {
    const { exit } = spied();
    const bug = new TypeError('not a configuration problem');
    expect(() =>
      readConfigOrExit('some-app', () => {
        throw bug;
      }),
    ).toThrow(bug);
    expect(exit).not.toHaveBeenCalled();
  });

  it('reads process.env when given no environment', () => {
    spied();
    expect(readConfigOrExit('some-app', (env) => env)).toBe(process.env);
  });
});
