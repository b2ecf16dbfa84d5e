import { Inject, Injectable } from '@nestjs/common';
import { loadTestSeries, MetricRecorder, TASKS_METRICS, type TaskName, type TaskOutcome } from '@app/metrics';
import type { TasksSettings } from './tasks.settings.js';
import { TASKS_SETTINGS } from './tasks.tokens.js';

/** Ends one unit of work started by {@link TasksMetrics.startWork}. */
export interface WorkTimer {
  end(outcome: TaskOutcome): void;
}

/**
 * The business's metrics: what a unit of work records, written once, on the {@link MetricRecorder} port, whichever
 * metric library the app binds to it. In flight while it runs; its duration in the histogram and the summary
 * (the course shows both, and they must agree); its outcome counted at the end.
 */
@Injectable()
export class TasksMetrics {
  readonly #outcomes;
  readonly #inFlight;
  readonly #workDuration;
  readonly #workDurationSummary;

  constructor(
    @Inject(MetricRecorder) recorder: MetricRecorder,
    @Inject(TASKS_SETTINGS) settings: Pick<TasksSettings, 'loadTestSeries'> = {},
  ) {
    this.#outcomes = recorder.counter(TASKS_METRICS.outcomes);
    this.#inFlight = recorder.gauge(TASKS_METRICS.inFlight);
    this.#workDuration = recorder.histogram(TASKS_METRICS.workDuration);
    this.#workDurationSummary = recorder.summary(TASKS_METRICS.workDurationSummary);
    // Registered is enough: every adapter exposes each declared label value at 0.
    for (const padding of loadTestSeries(settings.loadTestSeries ?? 0)) recorder.gauge(padding);
  }

  /** Counts the task as in flight until the timer ends, then records its duration and outcome. */
  startWork(task: TaskName): WorkTimer {
    const startedAt = performance.now();
    this.#inFlight.add({ task_name: task }, 1);
    let ended = false;
    return {
      end: (outcome: TaskOutcome) => {
        // Idempotent: a second end() would count the work twice and drive the in-flight gauge below zero.
        if (ended) return;
        ended = true;
        const seconds = (performance.now() - startedAt) / 1000;
        this.#inFlight.add({ task_name: task }, -1);
        this.#workDuration.observe({ task_name: task }, seconds);
        this.#workDurationSummary.observe({ task_name: task }, seconds);
        this.#outcomes.add({ task_name: task, task_outcome: outcome });
      },
    };
  }
}
