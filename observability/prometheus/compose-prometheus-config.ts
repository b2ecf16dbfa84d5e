import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, parseDocument } from 'yaml';
import { renderPrometheusConfig } from './prometheus-config.js';
import { PROMETHEUS_CONFIG_FILE, PROMETHEUS_DIR } from './prometheus-files.js';
import type { ScrapeJobName } from './scrape-jobs.js';

/** What the compose Prometheus loads: the committed prometheus.yml, rendered for the compose network. */
export const COMPOSE_PROMETHEUS_CONFIG_FILE = join(PROMETHEUS_DIR, 'prometheus.compose.yml');

/**
 * Each job's target as the compose network names it: its service, on the port it listens on. The OpenTelemetry app
 * is not scraped by Prometheus there: its metrics come through the Collector (delivery `collector`, or `otlp` with
 * observability/compose/delivery-otlp.compose.yml), whose own metrics are scraped instead.
 */
const COMPOSE_TARGETS: Readonly<Record<ScrapeJobName, string | null>> = {
  'tasks-otel': null,
  'prom-client-app': 'prom-client-app:8081',
  prometheus: 'prometheus:9090',
  alertmanager: 'alertmanager:9093',
  'alert-receiver': 'alert-receiver:8082',
  'otel-collector': 'otel-collector:8888',
};

const HEADER = `# GENERATED from prometheus.yml by \`npm run generate:compose\`: edit that file, then run it.
# The compose Prometheus' configuration (docker-compose.yml mounts it as /etc/prometheus/prometheus.yml, with rules/
# beside it): every target is a compose service; the OpenTelemetry app's series come through the Collector.
`;

export function renderComposePrometheusConfig(): string {
  const document = parseDocument(
    renderPrometheusConfig({ targets: COMPOSE_TARGETS, alertmanager: COMPOSE_TARGETS.alertmanager }),
  );
  // The rule files where compose mounts them, beside the configuration: prometheus.yml's relative globs.
  const committed = parse(readFileSync(PROMETHEUS_CONFIG_FILE, 'utf8')) as { rule_files: string[] };
  document.set('rule_files', committed.rule_files);
  // prometheus.yml's own header speaks of the local stack: the compose file has its own.
  const [, body] = /^(?:#.*\n)*\n?([\s\S]*)$/.exec(document.toString()) ?? [];
  // The dropped first job leaves its blank line behind the key.
  return HEADER + body.replace(/^scrape_configs:\n\n/m, 'scrape_configs:\n');
}

/** The committed compose configuration, as it is on disk. */
export function readComposePrometheusConfig(): string {
  return readFileSync(COMPOSE_PROMETHEUS_CONFIG_FILE, 'utf8');
}
