import parsePrometheusTextFormat from 'parse-prometheus-text-format';

export interface Sample {
  name: string;
  labels: Record<string, string>;
  value: number;
}

interface ParsedFamily {
  name: string;
  type: string;
  metrics: Array<{
    labels?: Record<string, string>;
    value?: string;
    count?: string;
    sum?: string;
    buckets?: Record<string, string>;
    quantiles?: Record<string, string>;
  }>;
}

/**
 * Parses a Prometheus text exposition with a real parser and flattens it into samples named as
 * Prometheus would store them (`x_bucket{le=...}`, `x_count`, `x_sum` for histograms and summaries).
 */
export function parseExposition(text: string): { families: Map<string, string>; samples: Sample[] } {
  const parsed = parsePrometheusTextFormat(text) as ParsedFamily[];
  const families = new Map<string, string>();
  const samples: Sample[] = [];
  for (const family of parsed) {
    families.set(family.name, family.type);
    for (const metric of family.metrics) {
      const labels = metric.labels ?? {};
      if (metric.value !== undefined) samples.push({ name: family.name, labels, value: Number(metric.value) });
      if (metric.count !== undefined) samples.push({ name: `${family.name}_count`, labels, value: Number(metric.count) });
      if (metric.sum !== undefined) samples.push({ name: `${family.name}_sum`, labels, value: Number(metric.sum) });
      for (const [le, value] of Object.entries(metric.buckets ?? {})) {
        samples.push({ name: `${family.name}_bucket`, labels: { ...labels, le }, value: Number(value) });
      }
      for (const [quantile, value] of Object.entries(metric.quantiles ?? {})) {
        samples.push({ name: family.name, labels: { ...labels, quantile }, value: Number(value) });
      }
    }
  }
  return { families, samples };
}

/** Samples of `name` whose labels include every pair of `match`. */
export function selectSamples(samples: readonly Sample[], name: string, match: Record<string, string> = {}): Sample[] {
  return samples.filter(
    (sample) => sample.name === name && Object.entries(match).every(([key, value]) => sample.labels[key] === value),
  );
}

/** The sum of the values of `name` matching `match`; 0 when none matches. */
export function sumSamples(samples: readonly Sample[], name: string, match: Record<string, string> = {}): number {
  return selectSamples(samples, name, match).reduce((total, sample) => total + sample.value, 0);
}

export async function scrape(url: string): Promise<ReturnType<typeof parseExposition> & { text: string }> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`scrape of ${url} answered ${response.status}`);
  const text = await response.text();
  return { text, ...parseExposition(text) };
}
