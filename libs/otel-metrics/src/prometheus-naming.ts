import type { OtelMetricDefinition } from '@app/metrics';

/**
 * What the Prometheus exporter (`@opentelemetry/exporter-prometheus` 0.223) does to an instrument name,
 * read from its serializer and checked by `prometheus-naming.spec.ts` against the real exporter:
 * - characters outside `[a-zA-Z0-9_]` become `_` (so `http.server.request.duration` is scraped as
 *   `http_server_request_duration`);
 * - a monotonic counter gets `_total` appended, unless its name already ends with it;
 * - the unit is NOT appended: it is only announced on a `# UNIT` line. A histogram in seconds must
 *   therefore carry `_seconds` in its instrument name to be scraped with it.
 */
const TOTAL_SUFFIX = '_total';

/**
 * The OpenTelemetry instrument name that the exporter scrapes under the catalogue's Prometheus name.
 * Counters lose `_total` (OpenTelemetry names carry no type suffix; the exporter adds it back); other
 * kinds keep the catalogue name as it is.
 */
export function instrumentNameFor(definition: OtelMetricDefinition): string {
  if (definition.kind !== 'counter') return definition.name;
  if (!definition.name.endsWith(TOTAL_SUFFIX)) {
    throw new Error(`counter ${definition.name} must end with ${TOTAL_SUFFIX}, as Prometheus counters do`);
  }
  return definition.name.slice(0, -TOTAL_SUFFIX.length);
}

/** The label name under which the exporter scrapes an attribute key (`http.route` → `http_route`). */
export function prometheusLabelFor(attributeKey: string): string {
  return attributeKey.replace(/[^a-zA-Z0-9_]/g, '_').replace(/_{2,}/g, '_');
}
