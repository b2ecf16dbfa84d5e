/* eslint-disable no-console -- a terminal program: the console is its interface */
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { assertPortsFree, DEFAULT_STACK_PORTS, LocalStack, MissingBinaryError } from '@app/local-stack';
import { formatTrafficReport, runTraffic, type TrafficReport } from '@app/traffic';
import { DEMO_USAGE, DemoUsageError, parseDemoOptions, type DemoOptions } from './demo-options.js';
import { demoTraffic } from './demo-traffic.js';
import { formatStackSnapshot } from './summary/format-stack-snapshot.js';
import { readStackSnapshot } from './summary/stack-snapshot.js';

const REPO_ROOT = join(import.meta.dirname, '..', '..', '..', '..');
const REFRESH_MS = 5_000;
/** Restarts and give-ups the summary keeps showing. */
const MAX_EVENTS = 5;

async function main(): Promise<number> {
  let options: DemoOptions;
  try {
    options = parseDemoOptions(process.argv.slice(2));
  } catch (error) {
    if (error instanceof DemoUsageError) {
      console.error(`demo: ${error.message}\n\n${DEMO_USAGE}`);
      return 2;
    }
    throw error;
  }
  if (options.help) {
    console.log(DEMO_USAGE);
    return 0;
  }

  await assertPortsFree(DEFAULT_STACK_PORTS);
  const workers = options.workers ?? availableParallelism();
  const stack = await LocalStack.start({
    repoRoot: REPO_ROOT,
    delivery: options.delivery,
    appEnv: { WORKERS: String(workers) },
    keepWorkDir: options.keepData,
    log: (line) => console.log(line),
  });
  const urls = {
    Dashboard: stack.urls.dashboard,
    'alert receiver': stack.urls.alertReceiver,
    Prometheus: stack.urls.prometheus,
    Alertmanager: stack.urls.alertmanager,
    'OTel app': stack.urls.otelApp,
    // On delivery otlp the app pushes: it serves no metrics.
    ...(options.delivery === 'otlp' ? {} : { 'OTel metrics': stack.urls.otelMetrics }),
    ...(options.delivery === 'scrape' ? {} : { 'Collector metrics': stack.urls.otelCollectorMetrics }),
    'prom-client app': stack.urls.promClientApp,
    'prom-client metrics': stack.urls.promClientMetrics,
  };
  console.log(
    `\nStack up, ${workers} worker(s) per app, OpenTelemetry metrics delivered by ${options.delivery}. ` +
      `Data in ${stack.workDir}`,
  );
  console.log(`${'Dashboard'.padEnd(18)}${stack.urls.dashboard}`);

  const traffic = new AbortController();
  let trafficRun: Promise<TrafficReport> | undefined;
  if (options.traffic) {
    trafficRun = runTraffic(demoTraffic([stack.urls.otelApp, stack.urls.promClientApp], options), {
      signal: traffic.signal,
    });
  }

  let gaveUpOn: string | undefined;
  // Resolving twice (Ctrl-C, then a give-up) is harmless: the first stops the demo.
  let stop: () => void = () => undefined;
  const stopped = new Promise<void>((resolve) => (stop = resolve));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  // The stack runs in process groups of its own: a closed terminal must stop it too.
  process.on('SIGHUP', stop);

  // A component that dies (a crash, an OOM kill, a `kill` by hand) is restarted, and the summary says so; one that
  // keeps dying stops the demo, with exit code 1, rather than leave a stack that only looks up.
  const events: string[] = [];
  stack.keepRunning({
    log: (line) => {
      const event = `${new Date().toLocaleTimeString()} ${line}`;
      events.push(event);
      events.splice(0, Math.max(0, events.length - MAX_EVENTS));
      console.log(event);
    },
    onGiveUp: (component) => {
      gaveUpOn = component;
      stop();
    },
  });

  // Undefined, not false, when stdout is not a terminal, whatever its type says.
  const interactive = (process.stdout.isTTY as boolean | undefined) === true;
  const render = async () => {
    try {
      const summary = formatStackSnapshot(
        await readStackSnapshot(stack.prometheus.api, stack.urls.alertReceiver),
        urls,
      );
      const text = events.length === 0 ? summary : `${summary}\n\nStack events:\n${events.join('\n')}`;
      process.stdout.write(interactive ? `\x1b[2J\x1b[H${text}\n` : `\n${text}\n`);
    } catch (error) {
      console.error(`summary unavailable: ${(error as Error).message}`);
    }
  };
  await render();
  const timer = setInterval(() => void render(), interactive ? REFRESH_MS : REFRESH_MS * 3);

  await stopped;
  clearInterval(timer);
  console.log(
    `\nStopping: traffic, Prometheus, Alertmanager, ${options.delivery === 'scrape' ? '' : 'the Collector, '}apps…`,
  );
  traffic.abort();
  const report = await trafficRun?.catch(() => undefined);
  await stack.stop();
  if (report) console.log(`\n${formatTrafficReport(report)}`);
  if (gaveUpOn !== undefined) {
    console.error(`Stopped: ${gaveUpOn} kept dying (its last output is in the lines above).`);
    return 1;
  }
  console.log('Stopped.');
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (error instanceof MissingBinaryError) console.error(`demo: ${error.message}`);
    else console.error(`demo failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
