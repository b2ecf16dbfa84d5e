/** A native histogram sample, as Prometheus' HTTP API returns it. */
export interface NativeHistogramSample {
  count: number;
  sum: number;
  /** Each bucket's `(lower, upper]` and its count (lower and upper as numbers; the API's boundary rule dropped). */
  buckets: Array<{ lower: number; upper: number; count: number }>;
}

/** One sample of an instant vector, as Prometheus' HTTP API returns it. */
export interface VectorSample {
  metric: Record<string, string>;
  /** A float sample's value; NaN for a native histogram's sample, which is in `histogram`. */
  value: number;
  histogram?: NativeHistogramSample;
  timestamp: number;
}

/** A native histogram in the API: `count` and `sum` as strings, each bucket `[boundary rule, lower, upper, count]`. */
interface ApiHistogram {
  count: string;
  sum: string;
  buckets?: Array<[number, string, string, string]>;
}

function vectorSample(metric: Record<string, string>, value?: [number, string], histogram?: [number, ApiHistogram]) {
  if (value) return { metric, value: Number(value[1]), timestamp: value[0] };
  if (!histogram) throw new Error(`a sample of ${JSON.stringify(metric)} has neither value nor histogram`);
  const [timestamp, { count, sum, buckets = [] }] = histogram;
  return {
    metric,
    value: NaN,
    timestamp,
    histogram: {
      count: Number(count),
      sum: Number(sum),
      buckets: buckets.map(([, lower, upper, n]) => ({ lower: Number(lower), upper: Number(upper), count: Number(n) })),
    },
  };
}

/** One series and its raw samples, as stored (no evaluation step). */
export interface RawSeries {
  metric: Record<string, string>;
  samples: Array<{ timestamp: number; value: number }>;
}

/** An alert as Prometheus lists it: `alertname` always, other labels and annotations only where a rule sets them. */
export interface PrometheusAlert {
  labels: { alertname: string } & Partial<Record<string, string>>;
  annotations: Partial<Record<string, string>>;
  state: string;
}

export interface RuleGroupState {
  name: string;
  file: string;
  rules: Array<{
    name: string;
    query: string;
    type: 'alerting' | 'recording';
    health: string;
    lastError?: string;
    state?: 'inactive' | 'pending' | 'firing';
    labels?: Record<string, string>;
    alerts?: Array<{
      labels: Record<string, string>;
      annotations: Record<string, string>;
      state: string;
      value: string;
    }>;
  }>;
}

export interface TargetState {
  labels: Record<string, string>;
  scrapeUrl: string;
  health: 'up' | 'down' | 'unknown';
  lastError: string;
}

interface ApiEnvelope<T> {
  status: 'success' | 'error';
  data: T;
  error?: string;
  errorType?: string;
}

/** A small client of Prometheus' HTTP API (v1): queries, rules, alerts and targets. */
export class PrometheusApi {
  constructor(readonly baseUrl: string) {}

  async query(expr: string): Promise<VectorSample[]> {
    const data = await this.get<{
      resultType: string;
      result: Array<{ metric: Record<string, string>; value?: [number, string]; histogram?: [number, ApiHistogram] }>;
    }>('/api/v1/query', { query: expr });
    if (data.resultType === 'scalar') {
      const [timestamp, value] = data.result as unknown as [number, string];
      return [{ metric: {}, value: Number(value), timestamp }];
    }
    if (data.resultType !== 'vector') throw new Error(`query ${expr} returned a ${data.resultType}, not a vector`);
    return data.result.map(({ metric, value, histogram }) => vectorSample(metric, value, histogram));
  }

  /** The raw samples of every series a selector matches over the last `range` (a range query's matrix). */
  async rawSamples(selector: string, range: string): Promise<RawSeries[]> {
    const data = await this.get<{
      resultType: string;
      result: Array<{ metric: Record<string, string>; values: Array<[number, string]> }>;
    }>('/api/v1/query', { query: `${selector}[${range}]` });
    if (data.resultType !== 'matrix')
      throw new Error(`${selector}[${range}] returned a ${data.resultType}, not a matrix`);
    return data.result.map(({ metric, values }) => ({
      metric,
      samples: values.map(([timestamp, value]) => ({ timestamp, value: Number(value) })),
    }));
  }

  /** The names of every series matching the selectors. */
  async series(...matchers: string[]): Promise<Array<Record<string, string>>> {
    const params = new URLSearchParams();
    for (const matcher of matchers) params.append('match[]', matcher);
    return this.get('/api/v1/series', params);
  }

  async ruleGroups(): Promise<RuleGroupState[]> {
    return (await this.get<{ groups: RuleGroupState[] }>('/api/v1/rules', {})).groups;
  }

  async targets(): Promise<TargetState[]> {
    return (await this.get<{ activeTargets: TargetState[] }>('/api/v1/targets', { state: 'active' })).activeTargets;
  }

  async firingAlerts(): Promise<PrometheusAlert[]> {
    const data = await this.get<{ alerts: PrometheusAlert[] }>('/api/v1/alerts', {});
    return data.alerts.filter((alert) => alert.state === 'firing');
  }

  private async get<T>(path: string, params: Record<string, string> | URLSearchParams): Promise<T> {
    const search = params instanceof URLSearchParams ? params : new URLSearchParams(params);
    const response = await fetch(`${this.baseUrl}${path}?${search.toString()}`);
    const body = (await response.json()) as ApiEnvelope<T>;
    if (body.status !== 'success') {
      throw new Error(`Prometheus ${path} failed: ${String(body.errorType)}: ${String(body.error)}`);
    }
    return body.data;
  }
}
