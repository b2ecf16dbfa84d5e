import type { PrometheusApi } from '@app/local-stack';
import { HTTP_SERVER_LABELS, INSTRUMENTATION_LABEL, RECORDING_RULES } from '@app/metrics';

const { route: ROUTE, code: CODE } = HTTP_SERVER_LABELS;

export interface PathSnapshot {
  path: string;
  requestsPerSecond: number;
  /** Share of requests per status code, e.g. `{ '200': 0.8, '404': 0.1, '500': 0.1 }`. */
  codeRatios: Record<string, number>;
  /** Errors per second by route and code (404 and 5xx), the course assignment's "error code occurrences". */
  errorRates: Array<{ route: string; code: string; perSecond: number }>;
}

export interface FiringAlert {
  alertname: string;
  severity: string;
  service: string;
  summary: string;
}

export interface StackSnapshot {
  takenAt: Date;
  paths: PathSnapshot[];
  firingInPrometheus: FiringAlert[];
  /** Alerts that reached the receiver app and are firing there; undefined when it could not be read. */
  firingAtReceiver: number | undefined;
}

/** Reads what the demo shows from Prometheus' recording rules and the receiver's JSON. */
export async function readStackSnapshot(prometheus: PrometheusApi, receiverUrl: string): Promise<StackSnapshot> {
  const [rates, ratios, errors, alerts, firingAtReceiver] = await Promise.all([
    prometheus.query(`sum by (${INSTRUMENTATION_LABEL}) (${RECORDING_RULES.serviceRequestRate})`),
    prometheus.query(`sum by (${INSTRUMENTATION_LABEL}, ${CODE}) (${RECORDING_RULES.statusCodeRatio})`),
    prometheus.query(
      `sum by (${INSTRUMENTATION_LABEL}, ${ROUTE}, ${CODE}) (${RECORDING_RULES.requestRate}{${CODE}=~"404|5.."})`,
    ),
    prometheus.firingAlerts(),
    readReceiverFiringCount(receiverUrl),
  ]);
  const paths = [
    ...new Set([...rates, ...ratios].map((sample) => sample.metric[INSTRUMENTATION_LABEL]).filter(Boolean)),
  ].sort();
  return {
    takenAt: new Date(),
    paths: paths.map((path) => ({
      path,
      requestsPerSecond: rates.find((sample) => sample.metric[INSTRUMENTATION_LABEL] === path)?.value ?? 0,
      codeRatios: Object.fromEntries(
        ratios
          .filter((sample) => sample.metric[INSTRUMENTATION_LABEL] === path)
          .map((sample) => [sample.metric[CODE], sample.value]),
      ),
      errorRates: errors
        .filter((sample) => sample.metric[INSTRUMENTATION_LABEL] === path && sample.value > 0)
        .map((sample) => ({ route: sample.metric[ROUTE], code: sample.metric[CODE], perSecond: sample.value }))
        .sort((a, b) => a.route.localeCompare(b.route) || a.code.localeCompare(b.code)),
    })),
    firingInPrometheus: alerts
      .map((alert) => ({
        alertname: alert.labels.alertname,
        severity: alert.labels.severity ?? '',
        service: alert.labels.service ?? '',
        summary: alert.annotations.summary ?? '',
      }))
      .sort((a, b) => a.alertname.localeCompare(b.alertname) || a.service.localeCompare(b.service)),
    firingAtReceiver,
  };
}

async function readReceiverFiringCount(receiverUrl: string): Promise<number | undefined> {
  try {
    const response = await fetch(`${receiverUrl}/alerts`);
    if (!response.ok) return undefined;
    const body = (await response.json()) as { counts?: { firing?: number } };
    return body.counts?.firing;
  } catch {
    return undefined;
  }
}
