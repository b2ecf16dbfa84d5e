import { setTimeout as sleep } from 'node:timers/promises';
import { Controller, Get } from '@nestjs/common';

/** `GET /work`: the benchmark's realistic handler, beside the course's routes. */
export const WORKLOAD_PATH = '/work';

/** Its wait: a few milliseconds of simulated I/O, as a database query or a downstream call would take. */
export const WORKLOAD_WAIT_MS = 5;

const ITEMS = 12;

export interface WorkloadItem {
  readonly id: number;
  readonly name: string;
  readonly priceCents: number;
  readonly tags: readonly string[];
}

/**
 * What a typical JSON endpoint does: waits on I/O, then builds and serialises about 1 KB of JSON. The benchmark's
 * `work` scenario measures what the metrics cost on it, where the `one` scenario's empty handler shows their cost in
 * full. It records no business metric: only the HTTP metrics of each path see it.
 */
@Controller(WORKLOAD_PATH.slice(1))
export class WorkloadController {
  @Get()
  async work(): Promise<{ readonly items: readonly WorkloadItem[] }> {
    await sleep(WORKLOAD_WAIT_MS);
    return {
      items: Array.from({ length: ITEMS }, (_, id) => ({
        id,
        name: `item number ${String(id)}`,
        priceCents: 1_000 + id * 37,
        tags: ['catalogue', id % 2 === 0 ? 'even' : 'odd'],
      })),
    };
  }
}
