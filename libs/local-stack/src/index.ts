export { AlertmanagerApi, type AlertmanagerAlert } from './alertmanager-api';
export { AlertmanagerServer, type AlertmanagerServerOptions } from './alertmanager-server';
export {
  binaryVersion,
  checkStackBinary,
  INSTALL_STACK_BINARIES_COMMAND,
  locateBinary,
  locateStackBinaries,
  MissingBinaryError,
  PROJECT_TOOLS_BIN,
  STACK_BINARIES,
  type StackBinary,
  type UnusableBinary,
} from './binaries';
export { freePort } from './free-port';
export { ManagedProcess, type ManagedProcessOptions } from './managed-process';
export { PrometheusApi, type RuleGroupState, type TargetState, type VectorSample } from './prometheus-api';
export { PrometheusServer, type PrometheusServerOptions } from './prometheus-server';
export { waitFor, waitForHttpOk } from './wait-for';
