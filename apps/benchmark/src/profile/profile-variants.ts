import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { freePort } from '@app/local-stack';
import type { BenchmarkOptions } from '../benchmark-options.js';
import { builtEntry, repositoryRoot } from '../built-apps.js';
import { pinProcess, planCpuPinning } from '../host/cpu-pinning.js';
import { runAutocannonRound } from '../load/autocannon-round.js';
import { BenchServer } from '../server/bench-server.js';
import { autoInstrumentationDefaults } from '../variants/auto-instrumentation-defaults.js';
import { BENCHMARK_SCENARIOS } from '../variants/benchmark-scenarios.js';
import { planVariant } from '../variants/benchmark-variants.js';
import type { VariantName } from '../variants/variant-names.js';
import { summarizeCpuProfile, type ProfileSummary } from './cpu-profile-summary.js';

export interface VariantProfile {
  readonly variant: VariantName;
  readonly path: string;
  readonly requests: number;
  readonly summary: ProfileSummary;
  /** The whole profile, to open in Chrome DevTools or speedscope. */
  readonly file: string;
}

/**
 * Where each variant's CPU time goes: each server alone on the server CPU, warmed up, then profiled by V8's sampling
 * profiler (through the inspector, in the process) while autocannon loads the first scenario for one round.
 */
export async function profileVariants(
  options: BenchmarkOptions,
  outDir: string,
  progress: (line: string) => void,
): Promise<VariantProfile[]> {
  const pinning = planCpuPinning();
  if (pinning.pinned) pinProcess(process.pid, pinning.loadCpu);
  const autoDefaults = options.variants.includes('otel-auto-defaults') ? await autoInstrumentationDefaults() : [];
  const scenario = options.scenarios[0];
  const { path } = BENCHMARK_SCENARIOS[scenario];
  const profilesDir = join(outDir, 'profiles');
  mkdirSync(profilesDir, { recursive: true });
  const profiles: VariantProfile[] = [];
  for (const name of options.variants) {
    const plan = planVariant(name, { app: await freePort(), metrics: await freePort() }, autoDefaults);
    const server = await BenchServer.start({
      name,
      entry: builtEntry(plan.app),
      env: plan.env,
      cpu: pinning.pinned ? pinning.serverCpu : undefined,
      readyUrl: `${plan.baseUrl}/health`,
      cwd: repositoryRoot(),
    });
    try {
      const load = (durationSeconds: number) =>
        runAutocannonRound({ url: `${plan.baseUrl}${path}`, connections: options.connections, durationSeconds });
      if (options.warmupSeconds > 0) await load(options.warmupSeconds);
      await server.startProfile();
      const round = await load(options.durationSeconds);
      const profile = await server.stopProfile();
      const file = join(profilesDir, `${name}-${scenario}.cpuprofile`);
      writeFileSync(file, JSON.stringify(profile));
      profiles.push({ variant: name, path, requests: round.requests, summary: summarizeCpuProfile(profile), file });
      progress(`profiled ${name} on ${path}: ${String(round.requests)} requests`);
    } finally {
      await server.stop();
    }
  }
  return profiles;
}
