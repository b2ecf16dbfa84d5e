import { readFileSync, writeFileSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import { parseDocument } from 'yaml';
import { PROMETHEUS_CONFIG_FILE, PROMETHEUS_DIR } from './prometheus-files.js';
import { SCRAPE_JOB_NAMES, type ScrapeJobName } from './scrape-jobs.js';

/** The parts of prometheus.yml that the local stack reads or rewrites. */
export interface PrometheusConfig {
  global: { scrape_interval: string; scrape_timeout: string; evaluation_interval: string };
  rule_files: string[];
  alerting?: { alertmanagers: Array<{ static_configs: Array<{ targets: string[] }> }> };
  scrape_configs: Array<{
    job_name: string;
    metrics_path?: string;
    static_configs: Array<{ targets: string[]; labels?: Record<string, string> }>;
  }>;
}

export interface PrometheusConfigOverrides {
  /**
   * `host:port` of each job's one target, or `null` to drop the job (a component this run does not start).
   * Every job must be named, so that a job added to prometheus.yml is a compile error in the callers, never a
   * silent scrape of the committed port (where a developer's own demo may be listening).
   */
  targets: Readonly<Record<ScrapeJobName, string | null>>;
  /** `host:port` of Alertmanager, or `null` to send alerts nowhere. */
  alertmanager: string | null;
  /** Scrape and rule-evaluation interval, e.g. `1s` in tests; the committed one when absent. */
  interval?: string;
  /** Absolute paths of the rule files to load instead of the committed ones (tests: see writeRuleFilesWithForAtMost). */
  ruleFiles?: readonly string[];
}

const HOST_PORT = /^[\w.-]+:\d{1,5}$/;
const DURATION = /^\d+(ms|s|m|h)$/;

/** The committed prometheus.yml, with `rule_files` made absolute. */
export function loadPrometheusConfig(): PrometheusConfig {
  return readCommittedDocument().toJS() as PrometheusConfig;
}

/**
 * The committed prometheus.yml with only the addresses (and optionally the interval) replaced: everything else,
 * the labels, the paths and the rule files, stays the single source. Rule file globs become absolute, so the
 * result works from any directory (tests write it to a temporary one).
 */
export function renderPrometheusConfig(overrides: PrometheusConfigOverrides): string {
  const document = readCommittedDocument();
  const config = document.toJS() as PrometheusConfig;

  const dropped: number[] = [];
  config.scrape_configs.forEach((scrape, index) => {
    const target = overrides.targets[scrape.job_name as ScrapeJobName];
    if (target === null) dropped.push(index);
    else
      document.setIn(
        ['scrape_configs', index, 'static_configs', 0, 'targets'],
        [checkedAddress(target, scrape.job_name)],
      );
  });
  for (const index of dropped.reverse()) document.deleteIn(['scrape_configs', index]);

  if (overrides.alertmanager === null) document.delete('alerting');
  else {
    const address = checkedAddress(overrides.alertmanager, 'alertmanager');
    document.setIn(['alerting', 'alertmanagers', 0, 'static_configs', 0, 'targets'], [address]);
  }

  if (overrides.interval !== undefined) {
    if (!DURATION.test(overrides.interval))
      throw new Error(`interval "${overrides.interval}" is not a duration like 1s`);
    for (const key of ['scrape_interval', 'scrape_timeout', 'evaluation_interval']) {
      document.setIn(['global', key], overrides.interval);
    }
  }
  if (overrides.ruleFiles !== undefined) {
    const relative = overrides.ruleFiles.filter((file) => !isAbsolute(file));
    if (relative.length > 0) throw new Error(`rule files must be absolute paths: ${relative.join(', ')}`);
    document.set('rule_files', [...overrides.ruleFiles]);
  }
  return document.toString();
}

/** Writes the rendered configuration as `prometheus.yml` in `directory` and returns its path. */
export function writePrometheusConfig(directory: string, overrides: PrometheusConfigOverrides): string {
  const file = join(directory, 'prometheus.yml');
  writeFileSync(file, renderPrometheusConfig(overrides));
  return file;
}

function readCommittedDocument() {
  const document = parseDocument(readFileSync(PROMETHEUS_CONFIG_FILE, 'utf8'));
  const config = document.toJS() as PrometheusConfig;
  checkShape(config);
  document.set(
    'rule_files',
    config.rule_files.map((file) => (isAbsolute(file) ? file : join(PROMETHEUS_DIR, file))),
  );
  return document;
}

/** What checkShape looks at, typed as loosely as a hand-edited prometheus.yml may have it. */
interface ParsedShape {
  scrape_configs: Array<{ job_name: string; static_configs?: Array<{ targets?: string[] }> }>;
  alerting?: { alertmanagers?: Array<{ static_configs?: Array<{ targets?: string[] }> }> };
}

/** Fails loudly when prometheus.yml no longer has the shape this module rewrites. */
function checkShape(config: ParsedShape): void {
  const problems: string[] = [];
  const jobs = config.scrape_configs.map((scrape) => scrape.job_name);
  const unknown = jobs.filter((job) => !(SCRAPE_JOB_NAMES as string[]).includes(job));
  const missing = SCRAPE_JOB_NAMES.filter((job) => !jobs.includes(job));
  if (unknown.length > 0) problems.push(`jobs unknown to scrape-jobs.ts: ${unknown.join(', ')}`);
  if (missing.length > 0) problems.push(`jobs of scrape-jobs.ts missing: ${missing.join(', ')}`);
  for (const scrape of config.scrape_configs) {
    if (scrape.static_configs?.length !== 1 || scrape.static_configs[0].targets?.length !== 1) {
      problems.push(`job ${scrape.job_name} must have exactly one static target`);
    }
  }
  if (config.alerting?.alertmanagers?.[0]?.static_configs?.[0]?.targets?.length !== 1) {
    problems.push('alerting must name exactly one Alertmanager');
  }
  if (problems.length > 0) throw new Error(`${PROMETHEUS_CONFIG_FILE}: ${problems.join('; ')}`);
}

function checkedAddress(address: string, what: string): string {
  if (!HOST_PORT.test(address)) throw new Error(`address of ${what} "${address}" is not host:port`);
  return address;
}
