/**
 * Every promtool test of the rules, run again with the OpenTelemetry path's series as Prometheus' OTLP receiver
 * stores them when the metrics are pushed (unit-suffixed names, `job` from `service.name`, the promoted resource
 * attributes instead of the scrape's target labels), and the same expected outputs: the rules must record one
 * schema whichever way the metrics travel.
 * The pushed twin of each test is derived from the catalogue (observability/prometheus/otlp-naming.ts), so no
 * test, and no metric, can be left with one naming only.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parse, stringify } from 'yaml';
import { METRIC_PATHS } from '@app/metrics';
import { describeWithBinaries } from '@app/testing';
import { otlpSeriesNames, pushedLabels } from '../prometheus/otlp-naming.js';
import { parseSeries } from '../prometheus/promql-names.js';
import { RULE_TESTS_DIR } from '../prometheus/prometheus-files.js';
import { expectSuccess, runTool } from '@app/testing';

interface InputSeries {
  series: string;
  values: string;
}
interface RuleTest {
  name?: string;
  input_series?: InputSeries[];
  [key: string]: unknown;
}
interface RuleTestFile {
  rule_files: string[];
  tests: RuleTest[];
  [key: string]: unknown;
}

const SCRAPED_TO_PUSHED = otlpSeriesNames();

function formatSeries(name: string, labels: Map<string, string>): string {
  return `${name}{${[...labels].map(([key, value]) => `${key}="${value}"`).join(', ')}}`;
}

const isScrapedOtelSeries = (series: string): boolean => {
  const { labels } = parseSeries(series);
  return labels.get('job') === METRIC_PATHS.otel.job;
};

/** The series as it is stored when pushed as OTLP: renamed, the job from service.name, the promoted labels. */
function pushedTwin(series: string): string {
  const { name, labels } = parseSeries(series);
  const pushed = SCRAPED_TO_PUSHED.get(name);
  if (pushed === undefined)
    throw new Error(`no OTLP name for ${name}: add it to observability/prometheus/otlp-naming.ts`);
  return formatSeries(pushed, pushedLabels(labels));
}

/**
 * The twin of a test, or why it has none: a test whose OpenTelemetry input is `up` (written by a scrape, which
 * pushed metrics do not have) says nothing about the pushed naming.
 */
function twinOf(test: RuleTest): RuleTest | string {
  const inputs = test.input_series ?? [];
  const scraped = inputs.filter((input) => isScrapedOtelSeries(input.series));
  if (scraped.length === 0) return 'no OpenTelemetry series';
  const unmapped = scraped.filter((input) => !SCRAPED_TO_PUSHED.has(parseSeries(input.series).name));
  if (unmapped.length > 0) return `reads ${parseSeries(unmapped[0].series).name} of the scrape`;
  return {
    ...test,
    name: `${test.name ?? 'test'} (OpenTelemetry series pushed as OTLP)`,
    input_series: inputs.map((input) =>
      isScrapedOtelSeries(input.series) ? { ...input, series: pushedTwin(input.series) } : input,
    ),
  };
}

const TEST_FILES = readdirSync(RULE_TESTS_DIR)
  .filter((name) => name.endsWith('.test.yml'))
  .sort();

/** The rule files' own tests of the recording rules, which every dashboard and alert reads. */
const RECORDING_RULE_TESTS = TEST_FILES.filter((name) => name.endsWith('.rules.test.yml'));

describeWithBinaries(['promtool'], 'the rules on the OTLP naming', ({ promtool }) => {
  let workDir: string;
  beforeAll(() => {
    workDir = mkdtempSync(join(tmpdir(), 'otlp-twins-'));
  });
  afterAll(() => rmSync(workDir, { recursive: true, force: true }));

  it.each(TEST_FILES)('%s passes with the OpenTelemetry series pushed as OTLP', async (name) => {
    const content = parse(readFileSync(join(RULE_TESTS_DIR, name), 'utf8')) as RuleTestFile;
    const twins = content.tests.map(twinOf).filter((twin): twin is RuleTest => typeof twin !== 'string');
    if (RECORDING_RULE_TESTS.includes(name)) expect(twins.length).toBeGreaterThan(0);
    if (twins.length === 0) return;
    const twinFile = join(workDir, name);
    writeFileSync(
      twinFile,
      stringify({
        ...content,
        rule_files: content.rule_files.map((file) => resolve(RULE_TESTS_DIR, file)),
        tests: twins,
      }),
    );
    const run = await runTool(promtool, ['test', 'rules', twinFile], workDir);
    expectSuccess(run, `promtool test rules on the OTLP twin of ${name}`);
  });
});
