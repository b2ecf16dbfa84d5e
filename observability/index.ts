/**
 * The monitoring as code that the apps and their tests read: where the committed Prometheus and Alertmanager
 * files are and how the local stack renders them, the rules and what they read, how OpenTelemetry names travel,
 * and Grafana's variable interpolation. The Grafana dashboards' generator has its own entry point
 * (`@app/grafana-dashboards`), so that reading a config does not load it.
 */
export {
  loadAlertmanagerConfig,
  renderAlertmanagerConfig,
  writeAlertmanagerConfig,
  ALERT_RECEIVER_WEBHOOK_PATH,
  ALERTMANAGER_CONFIG_FILE,
  type AlertmanagerConfig,
  type AlertmanagerConfigOverrides,
} from './alertmanager/alertmanager-config.js';
export { interpolateVariables, type VariableValues } from './grafana/template-variables.js';
export {
  DEFAULT_OTEL_DELIVERY,
  DEFAULT_RETRY_MAX_ELAPSED_TIME,
  isOtelDelivery,
  OTEL_COLLECTOR_DIR,
  OTEL_DELIVERIES,
  otelCollectorConfigFiles,
  otelCollectorEnvironment,
  type OtelCollectorAddresses,
  type OtelDelivery,
} from './otel-collector/otel-collector-config.js';
export {
  loadPrometheusConfig,
  renderPrometheusConfig,
  writePrometheusConfig,
  type PrometheusConfig,
  type PrometheusConfigOverrides,
} from './prometheus/prometheus-config.js';
export { KNOWN_METRIC_NAMES, knownJobNames, STACK_SERIES_NAMES } from './prometheus/known-series.js';
export { PROMETHEUS_CONFIG_FILE, PROMETHEUS_DIR, RULE_TESTS_DIR, RULES_DIR } from './prometheus/prometheus-files.js';
export { durationMs, writeRuleFilesWithForAtMost } from './prometheus/capped-rule-files.js';
export { parseSeries, promqlNames, PROMQL_FUNCTIONS, type PromqlNames } from './prometheus/promql-names.js';
export { alertingRules, allRules, loadRuleFiles, recordingRules, ruleFilePaths } from './prometheus/rule-files.js';
export {
  APPEARS_ON_FIRST_FAILURE,
  exportingJobs,
  OTEL_HISTOGRAM_STORAGE,
  otelHistogramSeries,
  type HistogramStorage,
  RESOURCE_INFO_METRIC,
  ruleInputs,
  SCRAPE_HEALTH_METRIC,
} from './prometheus/rule-inputs.js';
