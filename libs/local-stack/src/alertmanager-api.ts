export interface AlertmanagerAlert {
  labels: Record<string, string>;
  annotations: Record<string, string>;
  status: { state: 'active' | 'suppressed' | 'unprocessed'; inhibitedBy: string[]; silencedBy: string[] };
  receivers: Array<{ name: string }>;
  startsAt: string;
  fingerprint: string;
  /** The query page of the Prometheus that sent it, at its `--web.external-url`. */
  generatorURL: string;
}

/** A small client of Alertmanager's v2 API. */
export class AlertmanagerApi {
  constructor(readonly baseUrl: string) {}

  async alerts(): Promise<AlertmanagerAlert[]> {
    const response = await fetch(`${this.baseUrl}/api/v2/alerts`);
    if (!response.ok) throw new Error(`Alertmanager /api/v2/alerts answered ${response.status}`);
    return (await response.json()) as AlertmanagerAlert[];
  }
}
