/** The variants the benchmark compares; `baseline` is the reference every ratio is taken against. */
export const VARIANT_NAMES = [
  'baseline',
  'prom-client',
  'otel',
  'otel-http-instrumentation',
  'otel-auto-defaults',
] as const;
export type VariantName = (typeof VARIANT_NAMES)[number];

export const REFERENCE_VARIANT: VariantName = 'baseline';
