import { defineIpcTopic } from '@app/worker-cluster';

/** Primary → worker: "what a scrape of you would get now", as exposition text. */
export const WORKER_EXPOSITION_TOPIC = defineIpcTopic<undefined, string>('otel-metrics:exposition');

/**
 * How long the primary waits for each worker's exposition: below Prometheus' `scrape_timeout` (4 s
 * here), so that a scrape answers, with the workers that did, before Prometheus gives up on it.
 */
export const WORKER_EXPOSITION_TIMEOUT_MS = 2_000;
