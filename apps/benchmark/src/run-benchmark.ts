import { setTimeout as sleep } from 'node:timers/promises';
import { BenchmarkAbortedError } from './benchmark-aborted.error.js';
import { type BenchmarkOptions, estimatedSeconds, ROUND_SETTLE_SECONDS } from './benchmark-options.js';
import { builtEntry, repositoryRoot } from './built-apps.js';
import { measureCpuBusy } from './host/cpu-busy.js';
import { type CpuPinning, pinProcess, planCpuPinning } from './host/cpu-pinning.js';
import { freePort } from '@app/local-stack';
import { readMachineFacts } from './host/machine-facts.js';
import { ProcStats, readProcessMemory } from './host/proc-stats.js';
import { runAutocannonRound } from './load/autocannon-round.js';
import type { LoadGenerator } from './load/load-round.js';
import { runWrkRound } from './load/wrk-round.js';
import { isDisturbed, measureRound } from './measure-round.js';
import type {
  BenchmarkReport,
  MeasuredRound,
  MemoryMeasure,
  ScenarioRun,
  VariantRounds,
} from './report/benchmark-report.js';
import { summarizeScenario } from './report/summarize-rounds.js';
import { LOAD_TEST_SERIES_COUNTS, SCALED_SCRAPE_VARIANTS } from './scrape/scrape-at-scale.js';
import { measureScrapeCost } from './scrape/scrape-cost.js';
import { BenchServer } from './server/bench-server.js';
import { autoInstrumentationDefaults } from './variants/auto-instrumentation-defaults.js';
import { BENCHMARK_SCENARIOS, type ScenarioName } from './variants/benchmark-scenarios.js';
import { planVariant, type VariantPlan } from './variants/benchmark-variants.js';

export interface BenchmarkControls {
  /** One line per step, for a human watching (stderr). */
  readonly progress: (line: string) => void;
  readonly signal?: AbortSignal;
}

interface RunningVariant {
  readonly plan: VariantPlan;
  readonly server: BenchServer;
  readonly rssAtStartBytes: number;
}

/** The variants in a different order each round, so that no variant always runs first or last. */
function rotated<T>(items: readonly T[], by: number): T[] {
  const shift = by % items.length;
  return [...items.slice(shift), ...items.slice(0, shift)];
}

/**
 * Runs the whole benchmark: starts every variant's compiled app (server CPU), warms each up, then
 * measures interleaved rounds (A B C D, B C D A, …) so that a drift of the machine hits every variant
 * alike, with autocannon from this process (load CPU) and then wrk; then memory and scrape cost.
 * Only the variant being measured runs: the others are paused.
 */
export async function runBenchmark(options: BenchmarkOptions, controls: BenchmarkControls): Promise<BenchmarkReport> {
  const startedAt = new Date();
  const { progress, signal } = controls;
  const machine = await readMachineFacts();
  const pinning = planCpuPinning();
  // Before any child starts: autocannon runs here, wrk inherits this CPU, the servers are moved off it.
  if (pinning.pinned) pinProcess(process.pid, pinning.loadCpu);
  const stats = new ProcStats();
  const measuredCpus = pinning.pinned ? [pinning.serverCpu, pinning.loadCpu] : [];
  const busy = await measureCpuBusy(stats, measuredCpus);
  const cpuBusyBeforeStart = Object.fromEntries(measuredCpus.map((cpu, index) => [`cpu${cpu}`, busy[index]]));
  const wrkSkipped =
    options.wrkRounds === 0
      ? 'no wrk cross-check (--wrk-rounds 0)'
      : machine.wrk === undefined
        ? 'no wrk cross-check: wrk is not installed (Debian: apt-get install wrk)'
        : undefined;
  const autoDefaults = options.variants.includes('otel-auto-defaults') ? await autoInstrumentationDefaults() : [];
  const plans: VariantPlan[] = [];
  for (const name of options.variants) {
    plans.push(planVariant(name, { app: await freePort(), metrics: await freePort() }, autoDefaults));
  }

  const running: RunningVariant[] = [];
  // A crash of this process must not leave servers behind, paused ones least of all.
  const killAll = () => running.forEach(({ server }) => server.killNow());
  process.on('exit', killAll);
  try {
    progress(
      `${options.variants.length} variants × ${options.scenarios.length} route(s): about ${estimatedSeconds(options)} s` +
        (pinning.pinned
          ? ` (servers on CPU ${pinning.serverCpu}, load on CPU ${pinning.loadCpu})`
          : ` (not pinned: ${pinning.reason})`),
    );
    for (const plan of plans) running.push(await startVariant(plan, pinning, signal));
    progress(`started ${plans.map((plan) => plan.name).join(', ')}`);

    const during: During = (variant, task) => withResumed(variant, signal, task);
    const scenarios: ScenarioRun[] = [];
    for (const scenario of options.scenarios) {
      scenarios.push(
        await runScenario(scenario, running, options, { pinning, stats, wrkSkipped, progress, during, signal }),
      );
    }

    const memory: MemoryMeasure[] = [];
    const scrape: BenchmarkReport['scrape'][number][] = [];
    for (const variant of running) {
      await during(variant, async () => {
        const { rssBytes, peakRssBytes } = readProcessMemory(variant.server.pid);
        const heap = await variant.server.heapAfterGc();
        memory.push({
          variant: variant.plan.name,
          rssAtStartBytes: variant.rssAtStartBytes,
          rssAfterLoadBytes: rssBytes,
          peakRssBytes,
          heapUsedAfterGcBytes: heap.heapUsed,
        });
        const { metricsUrl } = variant.plan;
        if (metricsUrl === undefined) return;
        scrape.push({
          variant: variant.plan.name,
          ...(await measureScrapeCost(variant.plan.baseUrl, metricsUrl, options.scrapes)),
        });
      });
    }
    progress('measured memory and scrape cost');
    const scrapeAtScale = await measureScrapesAtScale(plans, options, pinning, autoDefaults, during, signal);
    if (scrapeAtScale.length > 0) progress(`timed scrapes of ${LOAD_TEST_SERIES_COUNTS.join(' and ')} extra series`);

    return {
      method: {
        machine,
        pinning,
        options,
        variants: plans.map((plan) => ({
          name: plan.name,
          app: plan.app,
          summary: plan.summary,
          enabledInstrumentations: plan.env.OTEL_NODE_ENABLED_INSTRUMENTATIONS,
        })),
        wrkSkipped,
        cpuBusyBeforeStart,
        startedAt: startedAt.toISOString(),
        seconds: Math.round((Date.now() - startedAt.getTime()) / 1000),
      },
      scenarios,
      memory,
      scrape,
      scrapeAtScale,
    };
  } finally {
    await Promise.all(running.map(({ server }) => server.stop()));
    process.off('exit', killAll);
  }
}

/**
 * The scrape timed again with the load-test padding (`TASKS_LOAD_TEST_SERIES`), on a fresh server of each metric
 * library's shipped variant: what a scrape of a service with 1,000 or 10,000 series costs.
 */
async function measureScrapesAtScale(
  plans: readonly VariantPlan[],
  options: BenchmarkOptions,
  pinning: CpuPinning,
  autoDefaults: readonly string[],
  during: During,
  signal: AbortSignal | undefined,
): Promise<BenchmarkReport['scrapeAtScale']> {
  const measured: Array<BenchmarkReport['scrapeAtScale'][number]> = [];
  if (!options.scaledScrapes) return measured;
  for (const { name } of plans.filter((plan) => SCALED_SCRAPE_VARIANTS.includes(plan.name))) {
    for (const loadTestSeries of LOAD_TEST_SERIES_COUNTS) {
      const plan = planVariant(name, { app: await freePort(), metrics: await freePort() }, autoDefaults);
      const { metricsUrl } = plan;
      if (metricsUrl === undefined) continue;
      const padded = { ...plan, env: { ...plan.env, TASKS_LOAD_TEST_SERIES: String(loadTestSeries) } };
      const variant = await startVariant(padded, pinning, signal);
      try {
        const cost = await during(variant, () => measureScrapeCost(plan.baseUrl, metricsUrl, options.scrapes));
        measured.push({ variant: name, loadTestSeries, ...cost });
      } finally {
        await variant.server.stop();
      }
    }
  }
  return measured;
}

async function startVariant(plan: VariantPlan, pinning: CpuPinning, signal?: AbortSignal): Promise<RunningVariant> {
  if (signal?.aborted) throw new BenchmarkAbortedError();
  const server = await BenchServer.start({
    name: plan.name,
    entry: builtEntry(plan.app),
    env: plan.env,
    cpu: pinning.pinned ? pinning.serverCpu : undefined,
    readyUrl: `${plan.baseUrl}/health`,
    cwd: repositoryRoot(),
  });
  const rssAtStartBytes = readProcessMemory(server.pid).rssBytes;
  server.pause();
  return { plan, server, rssAtStartBytes };
}

/** Resumes the variant's server for the task, then pauses it again; checks that it is still alive. */
async function withResumed<T>(
  variant: RunningVariant,
  signal: AbortSignal | undefined,
  task: () => Promise<T>,
): Promise<T> {
  if (signal?.aborted) throw new BenchmarkAbortedError();
  const { server } = variant;
  server.resume();
  // Let the timers that came due while paused fire before anything is measured.
  await sleep((ROUND_SETTLE_SECONDS * 1000) / 2);
  let result: T;
  try {
    result = await task();
  } catch (error) {
    if (signal?.aborted) throw new BenchmarkAbortedError();
    throw error;
  } finally {
    // Let the closed connections be handled before the server stops.
    await sleep((ROUND_SETTLE_SECONDS * 1000) / 2);
    server.pause();
  }
  if (!server.running) throw new Error(`${server.name} exited during the run:\n${server.logs}`);
  return result;
}

type During = <T>(variant: RunningVariant, task: () => Promise<T>) => Promise<T>;

interface ScenarioContext {
  readonly pinning: CpuPinning;
  readonly stats: ProcStats;
  readonly wrkSkipped: string | undefined;
  readonly progress: (line: string) => void;
  readonly during: During;
  readonly signal?: AbortSignal;
}

async function runScenario(
  scenario: ScenarioName,
  running: readonly RunningVariant[],
  options: BenchmarkOptions,
  { pinning, stats, wrkSkipped, progress, during, signal }: ScenarioContext,
): Promise<ScenarioRun> {
  const { path, summary } = BENCHMARK_SCENARIOS[scenario];
  const serverBound = !('waits' in BENCHMARK_SCENARIOS[scenario]);
  const spec = (variant: RunningVariant, durationSeconds: number) => ({
    url: `${variant.plan.baseUrl}${path}`,
    connections: options.connections,
    durationSeconds,
    signal,
  });
  const results = running.map(({ plan }) => ({
    variant: plan.name,
    rounds: [] as MeasuredRound[],
    wrkRounds: [] as MeasuredRound[],
  }));

  if (options.warmupSeconds > 0) {
    for (const variant of running) {
      await during(variant, async () => {
        await runAutocannonRound(spec(variant, options.warmupSeconds));
      });
    }
    progress(`${path}: warmed up`);
  }

  const measure = async (generator: LoadGenerator, rounds: number, into: 'rounds' | 'wrkRounds') => {
    for (let round = 1; round <= rounds; round++) {
      const line: string[] = [];
      for (const index of rotated([...running.keys()], round - 1)) {
        const variant = running[index];
        let attempts = 0;
        let measured: Omit<MeasuredRound, 'attempts'>;
        do {
          attempts++;
          measured = await during(variant, () =>
            measureRound(round, variant.server, generator, spec(variant, options.durationSeconds), pinning, stats),
          );
        } while (isDisturbed(measured, serverBound) && attempts <= options.retries);
        results[index][into].push({ ...measured, attempts });
        const note = attempts > 1 ? ` (attempt ${attempts})` : '';
        line.push(`${variant.plan.name} ${Math.round(measured.requestsPerSecond)}${note}`);
      }
      progress(
        `${path}: ${into === 'rounds' ? 'autocannon' : 'wrk'} round ${round}/${rounds}, req/s: ${line.join(', ')}`,
      );
    }
  };
  await measure(runAutocannonRound, options.rounds, 'rounds');
  if (wrkSkipped === undefined) await measure(runWrkRound, options.wrkRounds, 'wrkRounds');

  const variants: VariantRounds[] = results;
  return { scenario, path, summary, variants, summaries: summarizeScenario(variants) };
}
