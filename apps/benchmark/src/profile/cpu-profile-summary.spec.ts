import type { CpuProfile } from '../server/heap-probe.messages.js';
import { originOf, summarizeCpuProfile } from './cpu-profile-summary.js';

const frame = (id: number, functionName: string, url: string, lineNumber = 0) => ({
  id,
  callFrame: { functionName, url, lineNumber },
});

describe('the CPU profile summary', () => {
  it('names where code comes from: a package, Node itself, the repository, V8', () => {
    expect(originOf('file:///r/node_modules/@opentelemetry/sdk-metrics/build/src/x.js')).toBe(
      '@opentelemetry/sdk-metrics',
    );
    expect(originOf('file:///r/node_modules/express/lib/router.js')).toBe('express');
    expect(originOf('node:internal/http')).toBe('node (core)');
    expect(originOf('file:///r/dist/libs/otel-metrics/src/http-server-metrics.js')).toBe('libs/otel-metrics');
    expect(originOf('')).toBe('(V8 and native)');
  });

  it('adds up self time by frame and by origin, idle time left out', () => {
    const profile: CpuProfile = {
      nodes: [
        frame(1, '(root)', ''),
        frame(2, '(idle)', ''),
        frame(3, 'record', 'file:///r/node_modules/@opentelemetry/sdk-metrics/a.js', 9),
        frame(4, 'handle', 'file:///r/node_modules/express/lib/router.js', 4),
      ],
      startTime: 0,
      endTime: 1000,
      samples: [2, 3, 3, 4, 2],
      timeDeltas: [500, 100, 200, 100, 100],
    };
    const summary = summarizeCpuProfile(profile);
    expect(summary.sampledMs).toBeCloseTo(0.4);
    expect(summary.topFrames).toEqual([
      { frame: 'record @opentelemetry/sdk-metrics:10', selfShare: 0.75 },
      { frame: 'handle express:5', selfShare: 0.25 },
    ]);
    expect(summary.byOrigin.map(({ origin }) => origin)).toEqual(['@opentelemetry/sdk-metrics', 'express']);
  });
});
