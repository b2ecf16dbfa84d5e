/** The window every range query of one refresh asks for, in Unix seconds. */
export interface QueryWindow {
  readonly start: number;
  readonly end: number;
  readonly step: number;
}

export interface MatrixSeries {
  readonly metric: Record<string, string>;
  readonly values: Array<[number, string]>;
}

export interface VectorSample {
  readonly metric: Record<string, string>;
  readonly value: [number, string];
}

interface ApiAnswer {
  status?: string;
  data?: { resultType?: string; result?: unknown };
  /** Prometheus' own error, or this app's (`message`) for a refused parameter or an unreachable Prometheus. */
  error?: string;
  message?: string;
}

/** `/api/v1/query_range` through the app's proxy (same origin: the page's policy allows no other). */
export async function queryRange(expr: string, window: QueryWindow): Promise<MatrixSeries[]> {
  const data = await get('query_range', {
    query: expr,
    start: String(window.start),
    end: String(window.end),
    step: String(window.step),
  });
  if (data.resultType !== 'matrix') throw new Error(`expected a range vector, got ${data.resultType ?? 'nothing'}`);
  return data.result as MatrixSeries[];
}

/** `/api/v1/query` at the current time; a scalar comes back as one sample without labels. */
export async function queryInstant(expr: string): Promise<VectorSample[]> {
  const data = await get('query', { query: expr });
  if (data.resultType === 'scalar') return [{ metric: {}, value: data.result as [number, string] }];
  if (data.resultType !== 'vector') throw new Error(`expected an instant vector, got ${data.resultType ?? 'nothing'}`);
  return data.result as VectorSample[];
}

async function get(
  path: 'query' | 'query_range',
  parameters: Record<string, string>,
): Promise<{ resultType?: string; result?: unknown }> {
  const response = await fetch(`/prometheus/api/v1/${path}?${new URLSearchParams(parameters).toString()}`, {
    headers: { accept: 'application/json' },
  });
  let answer: ApiAnswer;
  try {
    answer = (await response.json()) as ApiAnswer;
  } catch {
    throw new Error(`the proxy answered ${response.status} without JSON`);
  }
  if (!response.ok || answer.status !== 'success' || answer.data === undefined) {
    throw new Error(answer.error ?? answer.message ?? `the proxy answered ${response.status}`);
  }
  return answer.data;
}
