import type { BenchmarkReport } from './benchmark-report.js';

/** Drawn up to this ratio: a variant faster than the baseline by more is noise on this chart's scale. */
const MAX_RATIO = 1.2;
const WIDTH = 760;
const LABEL_WIDTH = 210;
const BAR_AREA = WIDTH - LABEL_WIDTH - 70;
const BAR_HEIGHT = 18;
const GAP = 6;
const GROUP_TITLE = 26;
/** One colour per variant, in the report's order: the same variant has the same colour in every group. */
const PALETTE = ['#8c8c8c', '#e6862e', '#2f78c4', '#7b4fc9', '#3aa17e', '#c44e52'];

const escapeXml = (text: string): string =>
  text.replace(/[<>&"']/g, (character) => `&#${String(character.charCodeAt(0))};`);

const x = (ratio: number): number => LABEL_WIDTH + (Math.min(ratio, MAX_RATIO) / MAX_RATIO) * BAR_AREA;

/**
 * Each variant's throughput as a ratio to the baseline, measured in one run, one group of bars per scenario: the
 * chart the README shows, written beside the JSON report. Plain SVG, so that it renders on GitHub as it is.
 */
export function renderRatioChart(report: BenchmarkReport): string {
  const colours = new Map(
    report.method.variants.map((variant, index) => [variant.name, PALETTE[index % PALETTE.length]]),
  );
  const parts: string[] = [];
  let y = 40;
  for (const run of report.scenarios) {
    parts.push(`<text x="10" y="${String(y + 16)}" class="group">${escapeXml(`${run.path}: ${run.summary}`)}</text>`);
    y += GROUP_TITLE;
    for (const summary of run.summaries) {
      const width = x(summary.ratio) - LABEL_WIDTH;
      parts.push(
        `<text x="${String(LABEL_WIDTH - 8)}" y="${String(y + 13)}" class="label">${escapeXml(summary.variant)}</text>`,
        `<rect x="${String(LABEL_WIDTH)}" y="${String(y)}" width="${width.toFixed(1)}" height="${String(BAR_HEIGHT)}" fill="${colours.get(summary.variant) ?? PALETTE[0]}"/>`,
        `<text x="${(LABEL_WIDTH + width + 6).toFixed(1)}" y="${String(y + 13)}" class="value">${summary.ratio.toFixed(2)}×</text>`,
      );
      y += BAR_HEIGHT + GAP;
    }
    y += GAP * 2;
  }
  const height = y + 30;
  const baselineX = x(1).toFixed(1);
  const { machine } = report.method;
  const caption = `${String(machine.cpus)} × ${machine.cpuModel}, Node ${machine.node}, ${report.method.startedAt.slice(0, 10)}`;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${String(WIDTH)}" height="${String(height)}" viewBox="0 0 ${String(WIDTH)} ${String(height)}" font-family="sans-serif">`,
    '<style>.title{font-size:15px;font-weight:bold}.group{font-size:12px;font-weight:bold;fill:#333}.label{font-size:12px;text-anchor:end;fill:#222}.value{font-size:11px;fill:#222}.axis{font-size:10px;fill:#666}</style>',
    `<rect width="100%" height="100%" fill="#fff"/>`,
    `<text x="10" y="22" class="title">Throughput as a ratio to the app without metrics (1.00×), one interleaved run</text>`,
    ...parts,
    `<line x1="${baselineX}" y1="34" x2="${baselineX}" y2="${String(height - 26)}" stroke="#444" stroke-dasharray="4 3"/>`,
    `<text x="${baselineX}" y="${String(height - 14)}" class="axis" text-anchor="middle">baseline 1.00×</text>`,
    `<text x="10" y="${String(height - 6)}" class="axis">${escapeXml(caption)}</text>`,
    '</svg>',
    '',
  ].join('\n');
}
