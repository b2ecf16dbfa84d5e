import { METRIC_PATHS } from '@app/metrics';
import { knownJobNames } from '../prometheus/known-series.js';
import { PROMQL_FUNCTIONS, promqlNames } from '../prometheus/promql-names.js';
import { allRules, recordingRules } from '../prometheus/rule-files.js';
import { exportingJobs, ruleInputs, SCRAPE_HEALTH_METRIC } from '../prometheus/rule-inputs.js';

/**
 * The course's rules could never fire: they named metrics, labels and jobs that did not exist. Here every name
 * a rule reads is held to what exists: recorded series, the catalogue's metrics on the jobs that export them,
 * the pipeline's own metrics, `up`, and the jobs of prometheus.yml.
 */
const rules = allRules().map(({ rule }) => ({ name: 'alert' in rule ? rule.alert : rule.record, expr: rule.expr }));
const recorded = new Set(recordingRules().map(({ rule }) => rule.record));
const exported = exportingJobs();
const knownJobs = knownJobNames();

describe.each(rules.map((rule) => [rule.name, rule] as const))('%s', (_name, rule) => {
  const names = promqlNames(rule.expr);

  it('reads only recorded series, catalogued metrics, the pipeline’s own metrics and up', () => {
    const unknown = names.metrics.filter(
      (metric) => !recorded.has(metric) && !exported.has(metric) && metric !== SCRAPE_HEALTH_METRIC,
    );
    expect(unknown).toEqual([]);
  });

  it('calls only known PromQL functions', () => {
    expect(names.functions.filter((name) => !PROMQL_FUNCTIONS.has(name))).toEqual([]);
  });

  it('matches only jobs that prometheus.yml scrapes, or that the OpenTelemetry path pushes as', () => {
    expect(names.jobs.filter((job) => !knownJobs.has(job))).toEqual([]);
  });

  it('selects each scraped metric by job, on jobs that export it', () => {
    const problems = names.selectors
      .filter(({ metric }) => !recorded.has(metric) && metric !== SCRAPE_HEALTH_METRIC)
      .flatMap(({ metric, jobs }) => {
        const exporters = exported.get(metric) ?? new Set<string>();
        if (jobs.length === 0) return [`${metric} is selected without a job matcher`];
        return jobs
          .filter((job) => !exporters.has(job))
          .map((job) => `${metric} is read from ${job}, which does not export it`);
      });
    expect(problems).toEqual([]);
  });
});

describe('the scraped inputs of the rules', () => {
  it('cover both paths’ request series, the task counter and the pipeline’s own failures', () => {
    expect(ruleInputs()).toEqual(
      expect.arrayContaining([
        { metric: 'http_requests_total', job: METRIC_PATHS.promClient.job },
        { metric: 'http_request_duration_seconds_bucket', job: METRIC_PATHS.promClient.job },
        { metric: 'http_server_request_duration_count', job: METRIC_PATHS.otel.job },
        { metric: 'http_server_request_duration_bucket', job: METRIC_PATHS.otel.job },
        { metric: 'tasks_outcomes_total', job: METRIC_PATHS.promClient.job },
        { metric: 'tasks_outcomes_total', job: METRIC_PATHS.otel.job },
        { metric: 'prometheus_rule_evaluation_failures_total', job: 'prometheus' },
        { metric: 'alertmanager_notifications_failed_total', job: 'alertmanager' },
      ]),
    );
  });

  it('are each exported by the job they are read from', () => {
    for (const { metric, job } of ruleInputs()) {
      expect({ metric, job, exported: exported.get(metric)?.has(job) }).toEqual({ metric, job, exported: true });
    }
  });
});
