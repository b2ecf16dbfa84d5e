/**
 * A value in a panel's Grafana unit (`fieldConfig.defaults.unit`), for axes, legends and stat values.
 * The units the committed dashboards use; any other is printed after the number.
 */
export function formatValue(value: number | null | undefined, unit: string): string {
  if (value === null || value === undefined) return '—';
  if (Number.isNaN(value)) return 'NaN';
  if (!Number.isFinite(value)) return value > 0 ? '+Inf' : '-Inf';
  switch (unit) {
    case 'percentunit':
      return `${decimal(value * 100)}%`;
    case 'percent':
      return `${decimal(value)}%`;
    case 'reqps':
      return `${short(value)} req/s`;
    case 'ops':
      return `${short(value)} ops/s`;
    case 's':
      return duration(value);
    case 'ms':
      return duration(value / 1000);
    case 'bytes':
      return bytes(value);
    case 'short':
      return short(value);
    case 'none':
    case '':
      return decimal(value);
    default:
      return `${decimal(value)} ${unit}`;
  }
}

/** Three significant digits at most, trailing zeros dropped: 0.0123, 1.23, 12.3, 123. */
function decimal(value: number): string {
  if (value === 0) return '0';
  const magnitude = Math.abs(value);
  const digits = magnitude >= 100 ? 0 : magnitude >= 10 ? 1 : magnitude >= 1 ? 2 : undefined;
  const text = digits === undefined ? value.toPrecision(3) : value.toFixed(digits);
  return text.includes('.') && !text.includes('e') ? text.replace(/\.?0+$/, '') : text;
}

/** Grafana's `short`: 1.2 K, 3.4 Mil, 5.6 Bil. */
function short(value: number): string {
  const steps: Array<[number, string]> = [
    [1e12, ' Tri'],
    [1e9, ' Bil'],
    [1e6, ' Mil'],
    [1e3, ' K'],
  ];
  const step = steps.find(([size]) => Math.abs(value) >= size);
  return step === undefined ? decimal(value) : `${decimal(value / step[0])}${step[1]}`;
}

function duration(seconds: number): string {
  const magnitude = Math.abs(seconds);
  if (magnitude === 0) return '0 s';
  if (magnitude < 1e-6) return `${decimal(seconds * 1e9)} ns`;
  if (magnitude < 1e-3) return `${decimal(seconds * 1e6)} µs`;
  if (magnitude < 1) return `${decimal(seconds * 1e3)} ms`;
  if (magnitude < 60) return `${decimal(seconds)} s`;
  if (magnitude < 3600) return `${decimal(seconds / 60)} min`;
  return `${decimal(seconds / 3600)} h`;
}

function bytes(value: number): string {
  const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];
  let scaled = value;
  let index = 0;
  while (Math.abs(scaled) >= 1024 && index < units.length - 1) {
    scaled /= 1024;
    index += 1;
  }
  return `${decimal(scaled)} ${units[index]}`;
}
