export { AlertmanagerApi, type AlertmanagerAlert } from './alertmanager-api.js';
export { AlertmanagerServer, type AlertmanagerServerOptions } from './alertmanager-server.js';
export {
  binaryVersion,
  checkStackBinary,
  INSTALL_STACK_BINARIES_COMMAND,
  locateBinary,
  locateStackBinaries,
  MissingBinaryError,
  pinnedVersion,
  PROJECT_TOOLS_BIN,
  STACK_BINARIES,
  STACK_VERSIONS,
  type StackBinary,
  type StackVersions,
  type UnusableBinary,
} from './binaries.js';
export { freePort } from './free-port.js';
export { ManagedProcess, type ManagedProcessOptions } from './managed-process.js';
export {
  PrometheusApi,
  type NativeHistogramSample,
  type RawSeries,
  type RuleGroupState,
  type TargetState,
  type VectorSample,
} from './prometheus-api.js';
export { OtelCollectorServer, type OtelCollectorServerOptions } from './otel-collector-server.js';
export { PrometheusServer, type PrometheusServerOptions } from './prometheus-server.js';
export { waitFor, waitForHttpOk } from './wait-for.js';
export { compiledEntry, startApp, type StackApp } from './stack/app-processes.js';
export {
  LocalStack,
  type KeepRunningOptions,
  type LocalStackOptions,
  type StackComponent,
} from './stack/local-stack.js';
export { assertPortsFree } from './stack/port-check.js';
export { DEFAULT_STACK_PORTS, type StackPorts } from './stack/stack-ports.js';
