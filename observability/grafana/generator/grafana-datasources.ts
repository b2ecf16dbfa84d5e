/**
 * The data sources that Grafana provisions with FIXED uids (observability/grafana/provisioning/datasources/),
 * and that every panel and template variable of the generated dashboards refers to. A fixed uid is what
 * makes a provisioned dashboard portable: Grafana would otherwise mint a random one per installation.
 * Kept free of SDK imports so that the compose and provisioning specs can read it too.
 */
export const PROMETHEUS_DATASOURCE = { type: 'prometheus', uid: 'prometheus' } as const;

/** Alertmanager, for Grafana's alerting pages (silences, alert groups) beside the dashboards. */
export const ALERTMANAGER_DATASOURCE = { type: 'alertmanager', uid: 'alertmanager' } as const;
