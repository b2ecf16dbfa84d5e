/**
 * docker-compose.yml as the specs read it: YAML anchors resolved (the image versions are anchors at the
 * top), the short volume and port syntaxes split into their parts.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { REPO_ROOT } from '@app/testing';

export const COMPOSE_FILE = join(REPO_ROOT, 'docker-compose.yml');

export interface ComposeService {
  image?: string;
  build?: { context: string; target?: string; args?: Record<string, string> };
  depends_on?: Record<string, { condition: string }>;
  volumes?: string[];
  /** As parsed: YAML reads an unquoted 8080 or true as a number or a boolean, which compose accepts. */
  environment?: Record<string, string | number | boolean | null>;
  ports?: string[];
  /** Ports served to the compose network only. */
  expose?: string[];
  command?: string[];
  healthcheck?: { test?: string[] };
  [key: string]: unknown;
}

export interface ComposeProject {
  name: string;
  services: Record<string, ComposeService>;
  volumes?: Record<string, unknown>;
  [key: string]: unknown;
}

export function loadComposeProject(file = COMPOSE_FILE): ComposeProject {
  return parse(readFileSync(file, 'utf8'), { merge: true }) as ComposeProject;
}

export interface Mount {
  /** `./path` (a bind mount, relative to the compose file) or a named volume. */
  readonly source: string;
  readonly target: string;
  readonly readOnly: boolean;
  readonly bind: boolean;
}

export function mountsOf(service: ComposeService): Mount[] {
  return (service.volumes ?? []).map((volume) => {
    const [source, target, mode] = volume.split(':');
    return { source, target, readOnly: mode === 'ro', bind: source.startsWith('.') || source.startsWith('/') };
  });
}

/** The repository path of a bind mount's source. */
export const hostPathOf = (mount: Mount): string => join(REPO_ROOT, mount.source);

export interface PublishedPort {
  readonly hostIp: string;
  readonly hostPort: number;
  readonly containerPort: number;
}

/** `ip:host:container` entries; anything else (no ip) is returned with an empty `hostIp`. */
export function portsOf(service: ComposeService): PublishedPort[] {
  return (service.ports ?? []).map((port) => {
    const parts = port.split(':');
    const [hostIp, hostPort, containerPort] = parts.length === 3 ? parts : ['', ...parts];
    return { hostIp, hostPort: Number(hostPort), containerPort: Number(containerPort) };
  });
}

/** The ports a service listens on inside the network: those it publishes and those it exposes. */
export const containerPortsOf = (service: ComposeService): number[] => [
  ...portsOf(service).map((port) => port.containerPort),
  ...(service.expose ?? []).map(Number),
];

/**
 * A service's environment as compose would pass it with none of the variables set: `${NAME:-default}` becomes
 * its default. A variable without a default (`${NAME:?message}` or `${NAME}`) is an error here: the specs read
 * only what a fresh clone gets.
 */
export function environmentOf(service: ComposeService): Record<string, string> {
  return Object.fromEntries(
    Object.entries(service.environment ?? {}).map(([name, value]) => [
      name,
      String(value).replace(/\$\{(\w+)(?::-([^}]*))?\}/g, (_match, variable: string, fallback?: string) => {
        if (fallback === undefined) throw new Error(`${name} reads \${${variable}}, which has no default`);
        return fallback;
      }),
    ]),
  );
}

/** `host:port` split, for scrape targets and URLs. */
export function hostAndPort(address: string): { host: string; port: number } {
  const { hostname, port } = new URL(address.includes('://') ? address : `http://${address}`);
  return { host: hostname, port: Number(port) };
}
