/** Path of the liveness route; the metric paths match it to leave it out of request metrics. */
export const HEALTH_PATH = '/health';
