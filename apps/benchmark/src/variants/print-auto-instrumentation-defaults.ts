/**
 * Run as its own process by the benchmark: prints, as a JSON array, the short names
 * (`OTEL_NODE_ENABLED_INSTRUMENTATIONS` spelling) of the instrumentations that the installed
 * auto-instrumentations-node enables when it is given no list. The package exports no such list; its
 * answer is read from the function itself, so an upgrade that changes its defaults changes this.
 * A process of its own, because creating the instrumentations enables them (patches module loading).
 */
import { getNodeAutoInstrumentations } from '@opentelemetry/auto-instrumentations-node';

const PREFIX = '@opentelemetry/instrumentation-';

delete process.env.OTEL_NODE_ENABLED_INSTRUMENTATIONS;
delete process.env.OTEL_NODE_DISABLED_INSTRUMENTATIONS;
const names = getNodeAutoInstrumentations().map((instrumentation) => {
  instrumentation.disable();
  const name = instrumentation.instrumentationName;
  if (!name.startsWith(PREFIX)) throw new Error(`${name} cannot be named in OTEL_NODE_ENABLED_INSTRUMENTATIONS`);
  return name.slice(PREFIX.length);
});
process.stdout.write(`${JSON.stringify(names)}\n`);
