import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { otelSeriesNameOf, TASKS_METRICS } from '@app/metrics';
import { REPO_ROOT } from '@app/testing';

/**
 * The README's table of business metrics, held to the catalogue: a metric declared in libs/metrics shows up there,
 * with its type and labels, or this fails and says which.
 */
const README = readFileSync(join(REPO_ROOT, 'README.md'), 'utf8');
const section = README.slice(README.indexOf('### The business metrics'));
const table = section.slice(0, section.indexOf('\n\n', section.indexOf('| ---')));
const rows = new Map(
  [...table.matchAll(/^\| `(\w+)` +\| ([^|]+)\| ([^|]+)\| ([^|]+)\|/gm)].map(([, name, type, labels, otel]) => [
    name,
    { type: type.trim(), labels: labels.trim(), otel: otel.trim() },
  ]),
);
const DEFINITIONS = Object.values(TASKS_METRICS);

describe("the README's table of business metrics", () => {
  it('lists every metric of the catalogue, and nothing else', () => {
    expect([...rows.keys()].sort()).toEqual(DEFINITIONS.map((definition) => definition.name).sort());
  });

  it.each(DEFINITIONS.map((definition) => [definition.name, definition] as const))(
    'gives %s its type and every label',
    (name, definition) => {
      const row = rows.get(name);
      expect(row?.type.split(' ')[0]).toBe(definition.kind);
      for (const label of definition.labelNames) {
        expect({ name, label, listed: row?.labels.includes(`\`${label}\``) }).toEqual({ name, label, listed: true });
      }
    },
  );

  it.each(DEFINITIONS.map((definition) => [definition.name, definition] as const))(
    'gives %s its OpenTelemetry instrument, unit and series, or none',
    (name, definition) => {
      const otel =
        'instrumentName' in definition
          ? `\`${definition.instrumentName}\` \`${definition.unit}\` → \`${otelSeriesNameOf(definition)}\``
          : 'none';
      expect({ name, otel: rows.get(name)?.otel }).toEqual({ name, otel });
    },
  );
});
