import { Inject, Injectable } from '@nestjs/common';
import { TASK_ROUTES, type FixedTask, type TaskName, type TaskOutcome } from '@app/metrics';
import { setTimeout as sleep } from 'node:timers/promises';
import { pickOutcome } from './outcome-picker.js';
import { RandomSource } from '@app/random';
import type { SampleSignalsRequest } from './sample-signals.query.js';
import { TasksMetrics } from './tasks.metrics.js';
import { TASKS_SETTINGS } from './tasks.tokens.js';
import type { TasksSettings } from './tasks.settings.js';

/**
 * The demo business: each task waits a random time (its "work"), then answers an outcome.
 * It records through {@link TasksMetrics}, on the `MetricRecorder` port, and knows no metric library.
 * Dependencies are injected by explicit token (see {@link TasksController}).
 */
@Injectable()
export class TasksService {
  constructor(
    @Inject(TASKS_SETTINGS) private readonly settings: TasksSettings,
    @Inject(RandomSource) private readonly random: RandomSource,
    @Inject(TasksMetrics) private readonly metrics: TasksMetrics,
  ) {}

  /** A fixed route (`/one` … `/four`, `/error`): a uniform wait up to the route's bound, then its outcome. */
  fixed(task: FixedTask): Promise<TaskOutcome> {
    const { outcome } = TASK_ROUTES[task];
    return this.work(task, this.settings.routeMaxLatencyMs[task], () => outcome);
  }

  /** `/sample-signals`: a uniform wait, then an outcome drawn by the weights. */
  sample(request: SampleSignalsRequest): Promise<TaskOutcome> {
    return this.work('sample', request.maxLatencyMs, () => pickOutcome(request.weights, this.random.next()));
  }

  private async work(task: TaskName, maxLatencyMs: number, decide: () => TaskOutcome): Promise<TaskOutcome> {
    const timer = this.metrics.startWork(task);
    let outcome: TaskOutcome = 'server_error';
    try {
      const waitMs = Math.min(this.random.next() * maxLatencyMs, this.settings.latencyCapMs);
      if (waitMs > 0) await sleep(waitMs);
      outcome = decide();
      return outcome;
    } finally {
      timer.end(outcome);
    }
  }
}
