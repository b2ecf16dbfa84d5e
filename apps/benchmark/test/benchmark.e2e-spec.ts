/**
 * The built benchmark CLI run as a user runs it, with rounds of a second: it starts every variant's
 * compiled app, loads it, and prints a table with a row of numbers per variant. This checks that the
 * harness works, not how fast anything is: no assertion depends on the machine's speed.
 * Needs `npm run build` first (`npm test` does it).
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from '@jest/globals';
import { findBinary, startBuiltCli, type CliResult } from '@app/testing';
import type { BenchmarkReport } from '../src/report/benchmark-report.js';
import { VARIANT_NAMES } from '../src/variants/variant-names.js';

const runCli = (args: readonly string[]): Promise<CliResult> => startBuiltCli('benchmark', args).done;

/** A row of the throughput table: the variant, then every column a number (wrk's a dash when not run). */
const THROUGHPUT_ROW =
  /^(\S+)\s+(\d+)\s+\d+–\d+\s+(\d+\.\d\d)\s+\d+\.\d\d\s+\d+\.\d\d\s+\d+\.\d\s+(?:0\.0|[+-]\d+\.\d)\s+\d+ %\s+(\d+|—)\s+(\d+\.\d\d|—)$/;
/** A row of the memory table: four sizes, then the scrape's time, size and series (dashes for the baseline). */
const RESOURCE_ROW = /^(\S+)\s+(\d+\.\d)\s+(\d+\.\d)\s+(\d+\.\d)\s+(\d+\.\d)\s+(\d+\.\d\d|—)\s+(\d+\.\d|—)\s+(\d+|—)$/;

describe('benchmark CLI (built, run as a process)', () => {
  let outDir: string;
  beforeEach(() => {
    outDir = mkdtempSync(join(tmpdir(), 'bench-results-'));
  });
  afterEach(() => {
    rmSync(outDir, { recursive: true, force: true });
  });

  it('measures every variant and prints the tables, the baseline at a ratio of 1.00', async () => {
    const wrk = findBinary('wrk') !== undefined;
    const args = [
      '--duration',
      '1',
      '--rounds',
      '1',
      '--warmup',
      '0',
      '--retries',
      '0',
      '--scrapes',
      '2',
      '--scenarios',
      'one',
      '--no-scaled-scrapes',
      '--out',
      outDir,
    ];
    const { code, stdout, stderr } = await runCli([...args, '--wrk-rounds', wrk ? '1' : '0']);
    expect({ code, stderr }).toEqual({ code: 0, stderr: expect.stringContaining('autocannon round 1/1') });

    const lines = stdout.split('\n');
    const throughput = lines.flatMap((line) => {
      const match = THROUGHPUT_ROW.exec(line);
      return match === null ? [] : [match];
    });
    expect(throughput.map((row) => row[1])).toEqual([...VARIANT_NAMES]);
    for (const [, , rate, , wrkRate] of throughput) {
      expect(Number(rate)).toBeGreaterThan(0);
      if (wrk) expect(Number(wrkRate)).toBeGreaterThan(0);
    }
    expect(throughput[0].slice(1)).toEqual([
      'baseline',
      expect.any(String),
      '1.00',
      expect.any(String),
      wrk ? '1.00' : '—',
    ]);

    const resources = lines.flatMap((line) => {
      const match = RESOURCE_ROW.exec(line);
      return match === null ? [] : [match];
    });
    expect(resources.map((row) => row[1])).toEqual([...VARIANT_NAMES]);
    for (const [, variant, , , , heap, scrapeMs, kib, series] of resources) {
      expect(Number(heap)).toBeGreaterThan(0);
      const scraped = [scrapeMs, kib, series];
      expect(scraped).toEqual(
        variant === 'baseline' ? ['—', '—', '—'] : scraped.map(() => expect.stringMatching(/^[\d.]+$/)),
      );
    }
  });

  it('prints every round as JSON with --json', async () => {
    const args = ['--json', '--variants', 'baseline,otel', '--scenarios', 'sample-signals', '--duration', '1'];
    const { code, stdout, stderr } = await runCli([
      ...args,
      '--rounds',
      '2',
      '--warmup',
      '0',
      '--wrk-rounds',
      '0',
      '--scrapes',
      '1',
      '--out',
      outDir,
    ]);
    // The CLI's own account of a failure, when there is one.
    expect({ code, stderr: code === 0 ? '' : stderr }).toEqual({ code: 0, stderr: '' });
    const report = JSON.parse(stdout) as BenchmarkReport;
    // The same report is written beside the chart of its ratios.
    expect(JSON.parse(readFileSync(join(outDir, 'benchmark.json'), 'utf8'))).toEqual(report);
    const chart = readFileSync(join(outDir, 'ratios.svg'), 'utf8');
    expect(chart).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
    expect(chart).toContain('>otel<');
    expect(report.method.options).toMatchObject({ rounds: 2, variants: ['baseline', 'otel'] });
    const [scenario] = report.scenarios;
    expect(scenario.path).toBe('/sample-signals');
    for (const { rounds } of scenario.variants) {
      expect(rounds.map((round) => round.round)).toEqual([1, 2]);
      for (const round of rounds) {
        expect(round.requests).toBeGreaterThan(0);
        // The sample route answers some 404 and 500 on purpose: counted, not mistaken for errors.
        expect(round.non2xx).toBeGreaterThan(0);
        expect(round.serverCpuSeconds).toBeGreaterThan(0);
      }
    }
    expect(scenario.summaries.map((summary) => [summary.variant, summary.ratio])).toEqual([
      ['baseline', 1],
      ['otel', expect.any(Number)],
    ]);
    expect(report.scrape.map((cost) => cost.variant)).toEqual(['otel']);
    expect(report.scrape[0].series).toBeGreaterThan(0);
    expect(report.memory.map((memory) => memory.variant)).toEqual(['baseline', 'otel']);
    // Padded servers: the scrape carries the extra series on top of the app's own.
    expect(report.scrapeAtScale.map((cost) => [cost.variant, cost.loadTestSeries])).toEqual([
      ['otel', 1_000],
      ['otel', 10_000],
    ]);
    for (const cost of report.scrapeAtScale) expect(cost.series).toBeGreaterThan(cost.loadTestSeries);
  });

  it('exits 2 on bad options, naming each, and starts nothing', async () => {
    const { code, stdout, stderr } = await runCli(['--rounds', '0', '--variants', 'otel']);
    expect(code).toBe(2);
    expect(stderr).toContain('bench: --rounds must be a whole number from 1 to 50, got "0"');
    expect(stderr).toContain('bench: --variants must include baseline');
    expect(stdout).toBe('');
    expect(existsSync(join(outDir, 'benchmark.json'))).toBe(false);
  });
});
