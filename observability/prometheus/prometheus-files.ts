import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * The directory holding `relativeFile`, searched upwards from this module. Upwards rather than a fixed
 * `import.meta.dirname` join because this code also runs compiled under dist/, where the YAML files are not copied.
 */
export function findSourceDirectory(relativeFile: string, from: string = import.meta.dirname): string {
  for (let dir = from; ; dir = dirname(dir)) {
    const candidate = join(dir, relativeFile);
    if (existsSync(candidate)) return dirname(candidate);
    if (dirname(dir) === dir) throw new Error(`${relativeFile} not found in ${from} or any directory above it`);
  }
}

/** observability/prometheus in the sources. */
export const PROMETHEUS_DIR = findSourceDirectory('observability/prometheus/prometheus.yml');
/** The committed configuration of the local stack. */
export const PROMETHEUS_CONFIG_FILE = join(PROMETHEUS_DIR, 'prometheus.yml');
/** Recording rules (`*.rules.yml`) and alerting rules (`*.alerts.yml`). */
export const RULES_DIR = join(PROMETHEUS_DIR, 'rules');
/** promtool unit tests of the rules (`*.test.yml`). */
export const RULE_TESTS_DIR = join(PROMETHEUS_DIR, 'tests');
