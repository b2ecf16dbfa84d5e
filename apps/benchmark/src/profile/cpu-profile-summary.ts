import type { CpuProfile } from '../server/heap-probe.messages.js';

/** Where a sampled frame's code comes from: a package, Node itself, or this repository's compiled code. */
export function originOf(url: string): string {
  if (url === '') return '(V8 and native)';
  if (url.startsWith('node:')) return 'node (core)';
  const inModules = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (inModules?.[1] !== undefined) return inModules[1];
  const inDist = /\/dist\/((?:apps|libs)\/[^/]+)/.exec(url);
  return inDist?.[1] ?? url;
}

export interface FrameShare {
  /** `function origin:line`, e.g. `record @opentelemetry/sdk-metrics:42`. */
  readonly frame: string;
  /** Share of the profile's sampled time spent in the frame itself (self time), 0 to 1. */
  readonly selfShare: number;
}

export interface ProfileSummary {
  readonly sampledMs: number;
  /** The frames with the most self time, idle time left out. */
  readonly topFrames: readonly FrameShare[];
  /** Self time by where the code comes from, largest first. */
  readonly byOrigin: ReadonlyArray<{ readonly origin: string; readonly selfShare: number }>;
}

/** V8's pseudo-frames for time the thread spent waiting: not the server's work. */
const IDLE_FRAMES = new Set(['(idle)']);

/** Self time of every frame of a V8 CPU profile, grouped by function and by origin. */
export function summarizeCpuProfile(profile: CpuProfile, topFrames = 15): ProfileSummary {
  const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
  const selfMicros = new Map<number, number>();
  profile.samples.forEach((nodeId, index) => {
    selfMicros.set(nodeId, (selfMicros.get(nodeId) ?? 0) + (profile.timeDeltas[index] ?? 0));
  });
  const byFrame = new Map<string, number>();
  const byOrigin = new Map<string, number>();
  let busy = 0;
  for (const [nodeId, micros] of selfMicros) {
    const node = nodes.get(nodeId);
    if (node === undefined || IDLE_FRAMES.has(node.callFrame.functionName)) continue;
    const { functionName, url, lineNumber } = node.callFrame;
    const origin = originOf(url);
    const frame = `${functionName === '' ? '(anonymous)' : functionName} ${origin}${url === '' ? '' : `:${String(lineNumber + 1)}`}`;
    byFrame.set(frame, (byFrame.get(frame) ?? 0) + micros);
    byOrigin.set(origin, (byOrigin.get(origin) ?? 0) + micros);
    busy += micros;
  }
  const shares = (totals: Map<string, number>) =>
    [...totals].sort(([, a], [, b]) => b - a).map(([key, micros]) => [key, busy === 0 ? 0 : micros / busy] as const);
  return {
    sampledMs: busy / 1000,
    topFrames: shares(byFrame)
      .slice(0, topFrames)
      .map(([frame, selfShare]) => ({ frame, selfShare })),
    byOrigin: shares(byOrigin).map(([origin, selfShare]) => ({ origin, selfShare })),
  };
}
