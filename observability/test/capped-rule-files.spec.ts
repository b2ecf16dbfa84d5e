/**
 * The live tests' shortcut to a firing alert: copies of the committed rule files with every `for:` cut to a bound.
 * Nothing else may differ, or the live tests would no longer run the committed rules.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { allRules, durationMs, loadRuleFiles, writeRuleFilesWithForAtMost } from '@app/observability';
import { parse } from 'yaml';
import { readFileSync } from 'node:fs';

describe('writeRuleFilesWithForAtMost', () => {
  let directory: string;
  beforeAll(() => (directory = mkdtempSync(join(tmpdir(), 'capped-rules-'))));
  afterAll(() => rmSync(directory, { recursive: true, force: true }));

  it('cuts every longer for: to the bound and changes nothing else', () => {
    const copies = writeRuleFilesWithForAtMost(directory, '10s');
    const committed = loadRuleFiles();
    expect(copies).toHaveLength(committed.length);
    const copied = copies.map((file) => ({
      file,
      groups: (parse(readFileSync(file, 'utf8')) as { groups: [] }).groups,
    }));
    const original = allRules(committed);
    const capped = allRules(copied);
    expect(capped).toHaveLength(original.length);
    let cut = 0;
    capped.forEach(({ rule }, index) => {
      const before = original[index].rule;
      const longer = 'for' in before && before.for !== undefined && durationMs(before.for) > 10_000;
      if (longer) cut += 1;
      expect(rule).toEqual(longer ? { ...before, for: '10s' } : before);
    });
    // Some alert has a longer for: the test can fail.
    expect(cut).toBeGreaterThan(0);
  });

  it.each([
    ['30s', 30_000],
    ['2m', 120_000],
    ['1h', 3_600_000],
    ['250ms', 250],
  ])('reads %s as %i ms', (duration, ms) => expect(durationMs(duration)).toBe(ms));

  it('refuses what is not a duration', () => expect(() => durationMs('2 minutes')).toThrow(/not a duration/));
});
