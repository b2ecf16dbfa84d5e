import { describeMetricRecorderConformance, parseExposition } from '@app/testing';
import { Registry } from '@prometheus-io/client';
import { PromClientMetricRecorder } from './prom-client-metric-recorder.js';

describeMetricRecorderConformance('PromClientMetricRecorder', () => {
  const registry = new Registry();
  return {
    recorder: new PromClientMetricRecorder(registry),
    scrape: async () => parseExposition(await registry.metrics()).samples,
    seriesNameOf: (definition) => definition.name,
  };
});
