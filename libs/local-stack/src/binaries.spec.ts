import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { binaryVersion, checkStackBinary, MissingBinaryError } from './binaries.js';

describe('stack binaries', () => {
  let folder: string;
  beforeAll(() => {
    folder = mkdtempSync(join(tmpdir(), 'binaries-spec-'));
  });
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  function fakeBinary(name: string, script: string): string {
    const path = join(folder, name);
    writeFileSync(path, `#!/bin/sh\n${script}\n`);
    chmodSync(path, 0o755);
    return path;
  }

  it('reads the version that Debian and release builds print, on stdout or on stderr', () => {
    expect(binaryVersion(fakeBinary('debian', 'echo "prometheus, version 3.5.3+ds1 (branch: debian/sid)"'))).toBe(
      '3.5.3',
    );
    expect(binaryVersion(fakeBinary('stderr', 'echo "alertmanager, version 0.25.0 (branch: HEAD)" >&2; exit 1'))).toBe(
      '0.25.0',
    );
    expect(binaryVersion(fakeBinary('silent', 'exit 0'))).toBeUndefined();
  });

  it('says what is unusable and what to run', () => {
    const error = new MissingBinaryError([{ binary: 'prometheus', found: '2.42.0' }, { binary: 'amtool' }]);
    expect(error.message).toContain('prometheus 2.42.0 (>= 3.5.0 needed)');
    expect(error.message).toContain('amtool (missing)');
    expect(error.message).toContain('npm run install:stack-binaries');
  });

  it('accepts the binaries that the install step or PATH provides only when recent enough', () => {
    const prometheus = checkStackBinary('prometheus');
    // This machine has them (CI installs them): then they are recent enough, else the reason is given.
    if ('path' in prometheus) expect(binaryVersion(prometheus.path)).toMatch(/^(3\.([5-9]|\d{2,})|[4-9])\./);
    else expect(prometheus.binary).toBe('prometheus');
  });
});
