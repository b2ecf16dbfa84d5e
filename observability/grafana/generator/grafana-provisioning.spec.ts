/**
 * Grafana's provisioning files against the dashboards and the compose stack: the data sources carry the
 * fixed uids the dashboards use and point at compose services, and the dashboard provider reads the
 * directory compose mounts the generated JSON into.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { present, REPO_ROOT } from '@app/testing';
import { containerPortsOf, hostAndPort, loadComposeProject, mountsOf } from '../../compose/compose-project.js';
import { ALERTMANAGER_DATASOURCE, PROMETHEUS_DATASOURCE } from './grafana-datasources.js';

const PROVISIONING_DIR = join(REPO_ROOT, 'observability', 'grafana', 'provisioning');
const readYaml = (...path: string[]): unknown => parse(readFileSync(join(PROVISIONING_DIR, ...path), 'utf8'));

interface Datasource {
  name: string;
  type: string;
  uid: string;
  url: string;
  isDefault?: boolean;
  jsonData?: Record<string, unknown>;
  secureJsonData?: unknown;
}

const { datasources } = readYaml('datasources', 'datasources.yml') as { datasources: Datasource[] };
const { providers } = readYaml('dashboards', 'dashboards.yml') as {
  providers: { type: string; options: { path: string } }[];
};
const project = loadComposeProject();
const grafana = project.services.grafana;

describe.each([
  ['Prometheus', PROMETHEUS_DATASOURCE, 'prometheus'],
  ['Alertmanager', ALERTMANAGER_DATASOURCE, 'alertmanager'],
])('the %s data source', (_name, reference, service) => {
  const datasource = datasources.find((candidate) => candidate.uid === reference.uid);

  it('has the fixed uid and type the dashboards refer to', () => {
    expect(datasource?.type).toBe(reference.type);
  });

  it('points at its compose service, on a port it serves', () => {
    const { host, port } = hostAndPort(present(datasource, `the ${reference.uid} data source`).url);
    expect(host).toBe(service);
    expect(containerPortsOf(project.services[service])).toContain(port);
  });
});

it('provisions only these two data sources, Prometheus the default, and no credentials', () => {
  expect(datasources.map((datasource) => datasource.uid).sort()).toEqual(
    [PROMETHEUS_DATASOURCE.uid, ALERTMANAGER_DATASOURCE.uid].sort(),
  );
  expect(datasources.filter((datasource) => datasource.isDefault).map((datasource) => datasource.uid)).toEqual([
    PROMETHEUS_DATASOURCE.uid,
  ]);
  expect(datasources.every((datasource) => datasource.secureJsonData === undefined)).toBe(true);
});

it('tells Grafana the compose scrape interval, which $__rate_interval is derived from', () => {
  const prometheus = present(
    datasources.find((datasource) => datasource.uid === PROMETHEUS_DATASOURCE.uid),
    'the Prometheus data source',
  );
  const composeConfig = parse(
    readFileSync(join(REPO_ROOT, 'observability', 'prometheus', 'prometheus.compose.yml'), 'utf8'),
  ) as { global: { scrape_interval: string } };
  expect(prometheus.jsonData?.timeInterval).toBe(composeConfig.global.scrape_interval);
});

it('loads dashboards from the directory compose mounts the generated JSON into', () => {
  expect(providers.map((provider) => provider.type)).toEqual(['file']);
  const mount = mountsOf(grafana).find((candidate) => candidate.target === providers[0].options.path);
  expect(mount?.source).toBe('./observability/grafana/dashboards');
});

it('is mounted where Grafana looks for provisioning', () => {
  const mount = mountsOf(grafana).find((candidate) => candidate.target === '/etc/grafana/provisioning');
  expect(mount?.source).toBe('./observability/grafana/provisioning');
  expect(readdirSync(PROVISIONING_DIR).sort()).toEqual(['dashboards', 'datasources']);
});
