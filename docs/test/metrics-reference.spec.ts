import { EXPORTED_METRIC_GROUPS, RECORDED_SERIES_NAMES } from '@app/metrics';
import { CLUSTER_WORKER_UP } from '@app/worker-cluster';
import { readMarkdownDocument } from './markdown-documents.js';

/**
 * docs/metrics.md is the reference of every metric, on every path: a metric
 * added to the catalogue (or to the runtime metrics, or a recording rule) and missing there fails here.
 */
const reference = readMarkdownDocument('docs/metrics.md');
const named = (name: string) => reference.text.includes(`\`${name}`);

describe('docs/metrics.md', () => {
  it('names every exported metric as scraped', () => {
    const names = EXPORTED_METRIC_GROUPS.flatMap((group) => Object.values(group)).map((metric) => metric.name);
    expect(names.filter((name) => !named(name))).toEqual([]);
  });

  it('names every recorded series, and the cluster’s own gauge', () => {
    expect([...RECORDED_SERIES_NAMES, CLUSTER_WORKER_UP.name].filter((name) => !named(name))).toEqual([]);
  });

  it('names the course’s Flask exporter metrics it maps from', () => {
    const flask = [
      'flask_http_request_duration_seconds',
      'flask_http_request_total',
      'flask_http_request_exceptions_total',
    ];
    expect(flask.filter((name) => !named(name))).toEqual([]);
  });
});
