import { readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { parseDocument } from 'yaml';
import { ruleFilePaths } from './rule-files.js';

/** Prometheus' duration units, in milliseconds: the forms a rule's `for:` takes here (`30s`, `2m`, `1h`). */
const UNIT_MS = { ms: 1, s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000 } as const;

export function durationMs(duration: string): number {
  const match = /^(\d+)(ms|s|m|h|d)$/.exec(duration);
  if (!match) throw new Error(`"${duration}" is not a duration such as 30s or 2m`);
  return Number(match[1]) * UNIT_MS[match[2] as keyof typeof UNIT_MS];
}

/**
 * Copies every committed rule file into `directory`, each alert's `for:` cut to `atMost` when longer, and returns the
 * copies' paths: what a live test loads to see an alert go through the pipeline in seconds rather than minutes. The
 * committed durations stay what the promtool tests prove (each alert's own tests fire it after its real `for:`);
 * everything else is the committed file, byte for byte.
 */
export function writeRuleFilesWithForAtMost(directory: string, atMost: string): string[] {
  const limitMs = durationMs(atMost);
  return ruleFilePaths().map((file) => {
    const document = parseDocument(readFileSync(file, 'utf8'));
    const groups = (document.toJS() as { groups: Array<{ rules: Array<{ for?: string }> }> }).groups;
    groups.forEach((group, groupIndex) => {
      group.rules.forEach((rule, ruleIndex) => {
        if (rule.for !== undefined && durationMs(rule.for) > limitMs) {
          document.setIn(['groups', groupIndex, 'rules', ruleIndex, 'for'], atMost);
        }
      });
    });
    const copy = join(directory, basename(file));
    writeFileSync(copy, document.toString());
    return copy;
  });
}
