/** One series as `/api/v1/query_range` returns it: `[unix seconds, "value"]` pairs. */
export interface RangeSeries {
  readonly values: ReadonlyArray<readonly [number, string]>;
}

/** uPlot's data: the shared timestamps, then one array of values per series, null where a series has no point. */
export type AlignedData = [number[], ...Array<Array<number | null>>];

/**
 * Puts series from several queries on one time axis. The page asks every query for the same start and
 * step, so their timestamps mostly coincide; a series that started later or has a gap gets nulls,
 * which uPlot draws as a gap rather than as a line to zero. NaN and infinities (histogram_quantile
 * over no requests) are gaps too.
 */
export function alignSeries(series: readonly RangeSeries[]): AlignedData {
  const times = [...new Set(series.flatMap((one) => one.values.map(([time]) => time)))].sort((a, b) => a - b);
  const index = new Map(times.map((time, position) => [time, position]));
  const columns = series.map((one) => {
    const column: Array<number | null> = new Array<number | null>(times.length).fill(null);
    for (const [time, raw] of one.values) {
      const value = Number(raw);
      column[index.get(time) ?? 0] = Number.isFinite(value) ? value : null;
    }
    return column;
  });
  return [times, ...columns];
}
