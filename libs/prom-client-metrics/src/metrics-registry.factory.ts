import { collectDefaultMetrics, Registry } from '@prometheus-io/client';
import type { ResolvedPromClientMetricsOptions } from './prom-client-metrics.options.js';

/**
 * The registry this module owns and serves. Its own instance rather than prom-client's global one, so
 * that two apps (or two test modules) in one process never share or collide on series.
 */
export function createMetricsRegistry(options: ResolvedPromClientMetricsOptions): Registry {
  const registry = new Registry();
  registry.setDefaultLabels({ ...options.defaultLabels });
  if (options.collectDefaultMetrics) collectDefaultMetrics({ register: registry });
  return registry;
}
