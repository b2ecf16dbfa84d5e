import { spreadOf } from '../report/statistics.js';
import { populateSeries } from './series-population.js';

/** What serving `/metrics` costs, seen from the scraper. */
export interface ScrapeCost {
  readonly url: string;
  /** Size of one exposition, in bytes. */
  readonly bytes: number;
  /** Sample lines (one per series) and metric families (`# TYPE` lines). */
  readonly series: number;
  readonly families: number;
  readonly scrapes: number;
  /** Time from request to the last byte, in ms. */
  readonly medianMs: number;
  readonly minMs: number;
  readonly maxMs: number;
}

/** Counts the sample lines and families of a Prometheus text exposition. */
export function countExposition(text: string): { series: number; families: number } {
  const lines = text.split('\n');
  return {
    series: lines.filter((line) => line !== '' && !line.startsWith('#')).length,
    families: lines.filter((line) => line.startsWith('# TYPE ')).length,
  };
}

/** Fills every series the app can have, scrapes once untimed (first-call costs), then times `scrapes` scrapes. */
export async function measureScrapeCost(baseUrl: string, metricsUrl: string, scrapes: number): Promise<ScrapeCost> {
  await populateSeries(baseUrl);
  await scrapeOnce(metricsUrl);
  const times: number[] = [];
  let text = '';
  for (let i = 0; i < scrapes; i++) {
    const started = process.hrtime.bigint();
    text = await scrapeOnce(metricsUrl);
    times.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
  const { median, min, max } = spreadOf(times);
  return {
    url: metricsUrl,
    bytes: Buffer.byteLength(text),
    ...countExposition(text),
    scrapes,
    medianMs: median,
    minMs: min,
    maxMs: max,
  };
}

async function scrapeOnce(url: string): Promise<string> {
  const response = await fetch(url);
  const text = await response.text();
  if (!response.ok) throw new Error(`scrape of ${url} answered ${response.status}`);
  return text;
}
