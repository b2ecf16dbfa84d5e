import parsePrometheusTextFormat from 'parse-prometheus-text-format';

export interface Sample {
  name: string;
  labels: Record<string, string>;
  value: number;
}

interface ParsedFamily {
  name: string;
  type: string;
  metrics: Array<{ labels?: Record<string, string>; value?: string }>;
}

/**
 * Parses a Prometheus text exposition with a real parser into samples named as Prometheus stores them
 * (`x_bucket{le=...}`, `x_sum`, `x_count`; a summary's quantiles as `x{quantile=...}`), in exposition order.
 *
 * parse-prometheus-text-format folds every sample of a labelled histogram or summary into one and
 * drops their labels, so the families are declared untyped to it (each line then stays a sample under
 * its own name) and their declared types are kept aside. It also loses the last sample of a text that
 * does not end with a newline (`registry.getSingleMetricAsString()`), hence the newline added.
 */
export function parseExposition(text: string): { families: Map<string, string>; samples: Sample[] } {
  const families = new Map<string, string>();
  const untyped = text.replace(/^# TYPE (\S+) (\S+)$/gm, (_line, name: string, type: string) => {
    families.set(name, type.toUpperCase());
    return `# TYPE ${name} untyped`;
  });
  const parsed = parsePrometheusTextFormat(untyped.endsWith('\n') ? untyped : `${untyped}\n`) as ParsedFamily[];
  const samples = parsed.flatMap((family) =>
    family.metrics.map((metric) => ({
      name: family.name,
      labels: metric.labels ?? {},
      value: parseValue(metric.value),
    })),
  );
  return { families, samples };
}

/** Sample values as the format writes them: Go's float syntax, where infinities are `+Inf` and `-Inf`. */
function parseValue(raw: string | undefined): number {
  if (raw === '+Inf') return Number.POSITIVE_INFINITY;
  if (raw === '-Inf') return Number.NEGATIVE_INFINITY;
  return Number(raw);
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
