import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { binaryVersion, checkStackBinary, MissingBinaryError, pinnedVersion, STACK_VERSIONS } from './binaries.js';

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

  it('reads the version that release builds and the Collector print, on stdout or on stderr', () => {
    expect(binaryVersion(fakeBinary('release', 'echo "prometheus, version 3.13.5 (branch: HEAD, revision: x)"'))).toBe(
      '3.13.5',
    );
    expect(binaryVersion(fakeBinary('otelcol', 'echo "otelcol-nest version 0.165.0"'))).toBe('0.165.0');
    expect(binaryVersion(fakeBinary('stderr', 'echo "alertmanager, version 0.25.0 (branch: HEAD)" >&2; exit 1'))).toBe(
      '0.25.0',
    );
    expect(binaryVersion(fakeBinary('silent', 'exit 0'))).toBeUndefined();
  });

  it('says what is unusable and what to run', () => {
    const error = new MissingBinaryError([{ binary: 'prometheus', found: '3.5.3' }, { binary: 'amtool' }]);
    expect(error.message).toContain(`prometheus 3.5.3 (${STACK_VERSIONS.prometheus} pinned)`);
    expect(error.message).toContain('amtool (missing)');
    expect(error.message).toContain('npm run install:stack-binaries');
  });

  it('pins Prometheus to its LTS line and every other binary to a release', () => {
    expect(STACK_VERSIONS.prometheus).toMatch(/^3\.13\.\d+$/);
    for (const version of Object.values(STACK_VERSIONS)) expect(version).toMatch(/^\d+\.\d+\.\d+$/);
  });

  it.each(['prometheus', 'promtool', 'alertmanager', 'amtool', 'otelcol'] as const)(
    'accepts %s from the install step or PATH only at its pinned version',
    (binary) => {
      const checked = checkStackBinary(binary);
      // CI installs them, so there they must be the pinned version; elsewhere a missing one says why.
      if (/^(1|true)$/i.test(process.env.CI ?? '')) expect(checked).toHaveProperty('path');
      if ('path' in checked) expect(binaryVersion(checked.path)).toBe(pinnedVersion(binary));
      else expect(checked.binary).toBe(binary);
    },
  );
});
