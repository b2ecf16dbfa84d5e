/** The two messages between the benchmark and the heap probe loaded into each server it starts. */
export const HEAP_REQUEST = 'benchmark:heap-request';
export const HEAP_REPORT = 'benchmark:heap-report';

export interface HeapReport {
  readonly type: typeof HEAP_REPORT;
  /** `process.memoryUsage()` right after a full garbage collection. */
  readonly usage: NodeJS.MemoryUsage;
}

export function isHeapReport(message: unknown): message is HeapReport {
  return typeof message === 'object' && message !== null && (message as { type?: unknown }).type === HEAP_REPORT;
}
