import type { VariantName } from '../variants/variant-names.js';

/** Extra series the scrape is timed with besides the apps' own: a service of about 1,000, and of about 10,000. */
export const LOAD_TEST_SERIES_COUNTS = [1_000, 10_000] as const;

/** One variant per metric library, as shipped: the scrape's cost does not depend on the HTTP instrumentation. */
export const SCALED_SCRAPE_VARIANTS: readonly VariantName[] = ['prom-client', 'otel'];
