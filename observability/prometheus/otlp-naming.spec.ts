import { OTEL_HTTP_METRICS, OTEL_RUNTIME_METRICS, TASKS_METRICS } from '@app/metrics';
import { OTEL_PATH_METRICS, otlpLabelName, otlpMetricName, otlpSeriesNames, pushedLabels } from './otlp-naming.js';

describe('the OpenTelemetry metrics under their two Prometheus names', () => {
  it('adds the unit to a histogram pushed as OTLP, once', () => {
    expect(otlpMetricName(OTEL_HTTP_METRICS.duration)).toBe('http_server_request_duration_seconds');
    // Already ends with its unit: unchanged, whichever way it travels.
    expect(otlpMetricName(TASKS_METRICS.workDuration)).toBe('tasks_work_duration_seconds');
  });

  it('keeps _total on counters and leaves unitless gauges as they are', () => {
    expect(otlpMetricName(TASKS_METRICS.outcomes)).toBe('tasks_outcomes_total');
    expect(otlpMetricName(TASKS_METRICS.inFlight)).toBe('tasks_in_flight');
  });

  it('maps every scraped series of the path to its pushed twin', () => {
    const names = otlpSeriesNames();
    expect(names.get('http_server_request_duration_count')).toBe('http_server_request_duration_seconds_count');
    expect(names.get('http_server_request_duration_bucket')).toBe('http_server_request_duration_seconds_bucket');
    expect(names.size).toBe(
      OTEL_PATH_METRICS.reduce((count, definition) => count + (definition.kind === 'histogram' ? 3 : 1), 0),
    );
  });

  it('adds the unit to gauges too, and `_ratio` to a gauge of unit 1', () => {
    expect(otlpMetricName(OTEL_RUNTIME_METRICS.eventLoopDelayP99)).toBe('nodejs_eventloop_delay_p99_seconds');
    expect(otlpMetricName(OTEL_RUNTIME_METRICS.heapUsed)).toBe('v8js_memory_heap_used_bytes');
    expect(otlpMetricName(OTEL_RUNTIME_METRICS.eventLoopUtilization)).toBe('nodejs_eventloop_utilization_ratio');
    expect(otlpMetricName({ kind: 'counter', name: 'requests_total', unit: '1' })).toBe('requests_total');
    expect(otlpSeriesNames([OTEL_RUNTIME_METRICS.gcDuration]).get('v8js_gc_duration_sum')).toBe(
      'v8js_gc_duration_seconds_sum',
    );
  });
});

describe('the labels of a series pushed through the compose Collector', () => {
  const scraped = new Map([
    ['job', 'otel-app'],
    ['instance', '127.0.0.1:9464'],
    ['instrumentation', 'otel'],
    ['service', 'tasks-otel'],
    ['service_instance_id', 'host-42'],
    ['http_route', '/one'],
  ]);

  it('takes the job from service.name, the instance from service.instance.id, and keeps the promoted attributes', () => {
    expect(Object.fromEntries(pushedLabels(scraped))).toEqual({
      job: 'tasks-otel',
      instance: 'host-42',
      instrumentation: 'otel',
      service_name: 'tasks-otel',
      service_instance_id: 'host-42',
      http_route: '/one',
    });
  });

  it('translates attribute names as Prometheus does', () => {
    expect(otlpLabelName('service.instance.id')).toBe('service_instance_id');
    expect(otlpLabelName('k8s-pod.name')).toBe('k8s_pod_name');
  });
});
