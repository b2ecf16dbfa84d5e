import { RECORDING_RULES } from '@app/metrics';
import { recordingRules } from '../prometheus/rule-files.js';

/** Every name of RECORDING_RULES, however deep (the error ratios are keyed by window). */
function namesOf(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  return Object.values(value as Record<string, unknown>).flatMap(namesOf);
}

const catalogued = [...new Set(namesOf(RECORDING_RULES))].sort();
const rules = recordingRules().map(({ rule }) => rule);
const recorded = [...new Set(rules.map((rule) => rule.record))].sort();

describe('recording rules', () => {
  it('record exactly the names of libs/metrics/src/recording-rules.ts', () => {
    expect(recorded).toEqual(catalogued);
  });

  it.each(recorded)('%s is named level:metric:operations', (name) => {
    expect(name).toMatch(/^[a-z][a-z0-9_]*:[a-z][a-z0-9_]*:[a-z][a-z0-9_]*$/);
  });

  it('record a name in several rules only with distinct labels (one per quantile)', () => {
    for (const name of recorded) {
      const labelSets = rules.filter((rule) => rule.record === name).map((rule) => JSON.stringify(rule.labels ?? {}));
      expect({ name, labelSets }).toEqual({ name, labelSets: [...new Set(labelSets)] });
    }
  });

  it('record the four latency quantiles the catalogue promises', () => {
    const quantiles = rules
      .filter((rule) => rule.record === RECORDING_RULES.durationQuantiles)
      .map((rule) => rule.labels?.quantile);
    expect(quantiles).toEqual(['0.5', '0.9', '0.95', '0.99']);
  });
});
