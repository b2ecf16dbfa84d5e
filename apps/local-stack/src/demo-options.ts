import { parseArgs } from 'node:util';
import { DEFAULT_OTEL_DELIVERY, isOtelDelivery, OTEL_DELIVERIES, type OtelDelivery } from '@app/observability';

export interface DemoOptions {
  /** How the OpenTelemetry app's metrics reach Prometheus. */
  delivery: OtelDelivery;
  traffic: boolean;
  /** Weights of the 200, 404 and 500 answers of /sample-signals, as the traffic CLI takes them. */
  weights?: string;
  /** Requests per second sent to each app. */
  rate: number;
  /** The traffic stops by itself after this many seconds (the stack keeps running until Ctrl-C). */
  durationSeconds: number;
  workers?: number;
  keepData: boolean;
  help: boolean;
}

export const DEMO_USAGE = `Usage: npm run demo -- [options]

Starts both apps, the alert receiver, a real Prometheus and Alertmanager (from .tools/bin or PATH,
data in a temporary folder), the dashboard page (http://127.0.0.1:8083) and traffic, then shows a live
summary. Ctrl-C stops everything.

Options:
  --delivery D        how the OpenTelemetry app's metrics reach Prometheus (default ${DEFAULT_OTEL_DELIVERY}):
                        scrape     Prometheus scrapes the app's Prometheus exporter
                        collector  the OpenTelemetry Collector scrapes it and remote-writes to Prometheus
                        otlp       the app pushes OTLP to the Collector, which pushes it into Prometheus
  --no-traffic        start the stack without traffic
  --weights A,B,C     weights of the 200,404,500 answers of /sample-signals (default: the apps' 80,10,10);
                      e.g. --weights 40,10,50 forces errors so that alerts fire within a few minutes
  --rate R            requests per second to each app (default 20)
  --duration S        stop the traffic after S seconds (default 3600)
  --workers N         worker processes per app (default: the number of cores)
  --keep-data         keep the temporary folder (configs, Prometheus and Alertmanager data)
  --help              print this help`;

export class DemoUsageError extends Error {}

export function parseDemoOptions(argv: readonly string[]): DemoOptions {
  let values;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      options: {
        delivery: { type: 'string', default: DEFAULT_OTEL_DELIVERY },
        'no-traffic': { type: 'boolean', default: false },
        weights: { type: 'string' },
        rate: { type: 'string', default: '20' },
        duration: { type: 'string', default: '3600' },
        workers: { type: 'string' },
        'keep-data': { type: 'boolean', default: false },
        help: { type: 'boolean', default: false },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    throw new DemoUsageError((error as Error).message);
  }
  const rate = positiveNumber('--rate', values.rate, 1000);
  const durationSeconds = positiveNumber('--duration', values.duration, 86_400);
  const workers = values.workers === undefined ? undefined : positiveInteger('--workers', values.workers, 64);
  if (values.weights !== undefined && !/^\d+(\.\d+)?,\d+(\.\d+)?,\d+(\.\d+)?$/.test(values.weights)) {
    throw new DemoUsageError(`--weights must be three comma-separated numbers like 80,10,10, got "${values.weights}"`);
  }
  if (!isOtelDelivery(values.delivery)) {
    throw new DemoUsageError(`--delivery must be one of ${OTEL_DELIVERIES.join(', ')}, got "${values.delivery}"`);
  }
  return {
    delivery: values.delivery,
    traffic: !values['no-traffic'],
    weights: values.weights,
    rate,
    durationSeconds,
    workers,
    keepData: values['keep-data'],
    help: values.help,
  };
}

function positiveNumber(option: string, raw: string, max: number): number {
  const value = Number(raw);
  if (!/^\d+(\.\d+)?$/.test(raw) || value <= 0 || value > max) {
    throw new DemoUsageError(`${option} must be a number above 0 and at most ${max}, got "${raw}"`);
  }
  return value;
}

function positiveInteger(option: string, raw: string, max: number): number {
  const value = positiveNumber(option, raw, max);
  if (!Number.isInteger(value)) throw new DemoUsageError(`${option} must be an integer, got "${raw}"`);
  return value;
}
