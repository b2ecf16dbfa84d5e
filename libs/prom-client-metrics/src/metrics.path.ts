/** Where the registry is served; Prometheus' default `metrics_path`, so scrape configs need not say it. */
export const METRICS_PATH = '/metrics';
