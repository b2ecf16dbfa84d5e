/** The messages between the benchmark and the probe loaded into each server it starts. */
export const HEAP_REQUEST = 'benchmark:heap-request';
export const HEAP_REPORT = 'benchmark:heap-report';
export const PROFILE_START = 'benchmark:profile-start';
export const PROFILE_STARTED = 'benchmark:profile-started';
export const PROFILE_STOP = 'benchmark:profile-stop';
export const PROFILE_REPORT = 'benchmark:profile-report';

export interface HeapReport {
  readonly type: typeof HEAP_REPORT;
  /** `process.memoryUsage()` right after a full garbage collection. */
  readonly usage: NodeJS.MemoryUsage;
}

/** A V8 CPU profile, as the inspector's `Profiler.stop` returns it and Chrome DevTools opens it (`.cpuprofile`). */
export interface CpuProfile {
  readonly nodes: ReadonlyArray<{
    readonly id: number;
    readonly callFrame: { readonly functionName: string; readonly url: string; readonly lineNumber: number };
    readonly children?: readonly number[];
  }>;
  readonly startTime: number;
  readonly endTime: number;
  readonly samples: readonly number[];
  readonly timeDeltas: readonly number[];
}

export interface ProfileReport {
  readonly type: typeof PROFILE_REPORT;
  readonly profile: CpuProfile;
}

const hasType =
  <T extends { readonly type: string }>(type: T['type']) =>
  (message: unknown): message is T =>
    typeof message === 'object' && message !== null && (message as { type?: unknown }).type === type;

export const isHeapReport = hasType<HeapReport>(HEAP_REPORT);
export const isProfileStarted = hasType<{ readonly type: typeof PROFILE_STARTED }>(PROFILE_STARTED);
export const isProfileReport = hasType<ProfileReport>(PROFILE_REPORT);
