import { hostname } from 'node:os';
import {
  defaultResource,
  detectResources,
  envDetector,
  hostDetector,
  processDetector,
  resourceFromAttributes,
  type Resource,
} from '@opentelemetry/resources';
import { ATTR_SERVICE_INSTANCE_ID, ATTR_SERVICE_NAME, ATTR_SERVICE_VERSION } from '@opentelemetry/semantic-conventions';
import type { TelemetryConfig } from './telemetry.config.js';

/** Unique per process on a host and readable in `target_info`, unlike a UUID. */
export function processInstanceId(): string {
  return `${hostname()}-${process.pid}`;
}

/**
 * The resource, scraped as `target_info`: the SDK's defaults (`telemetry.sdk.*`), what the SDK's usual
 * detectors find (`OTEL_RESOURCE_ATTRIBUTES`, process, host), then the service's identity from the
 * configuration, which wins (the configuration already honours `OTEL_SERVICE_NAME`).
 *
 * Built here rather than by the SDK so that the caller holds the very object the MeterProvider uses:
 * the host detector resolves `host.id` asynchronously, and the Prometheus exporter, unlike the periodic
 * readers, never waits for it; each scrape would then log "Accessing resource attributes before async
 * attributes settled". Awaiting `waitForAsyncAttributes()` before serving scrapes avoids it.
 */
export function telemetryResource(service: TelemetryConfig['service']): Resource {
  const detected = detectResources({ detectors: [envDetector, processDetector, hostDetector] });
  return defaultResource()
    .merge(detected)
    .merge(
      resourceFromAttributes({
        [ATTR_SERVICE_NAME]: service.name,
        [ATTR_SERVICE_VERSION]: service.version,
        [ATTR_SERVICE_INSTANCE_ID]: service.instanceId ?? processInstanceId(),
      }),
    );
}
