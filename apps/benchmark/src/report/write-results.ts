import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BenchmarkReport } from './benchmark-report.js';
import { renderRatioChart } from './ratio-chart.js';

/** Writes the whole report as JSON and the chart of the ratios into `outDir`; returns the files written. */
export function writeBenchmarkResults(report: BenchmarkReport, outDir: string): string[] {
  mkdirSync(outDir, { recursive: true });
  const files = { 'benchmark.json': `${JSON.stringify(report, null, 2)}\n`, 'ratios.svg': renderRatioChart(report) };
  return Object.entries(files).map(([name, content]) => {
    const file = join(outDir, name);
    writeFileSync(file, content);
    return file;
  });
}
