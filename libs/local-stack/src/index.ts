export { AlertmanagerApi, type AlertmanagerAlert } from './alertmanager-api';
export { AlertmanagerServer, type AlertmanagerServerOptions } from './alertmanager-server';
export { locateBinary, locateStackBinaries, MissingBinaryError, STACK_BINARIES, type StackBinary } from './binaries';
export { freePort } from './free-port';
export { ManagedProcess, type ManagedProcessOptions } from './managed-process';
export { PrometheusApi, type RuleGroupState, type TargetState, type VectorSample } from './prometheus-api';
export { PrometheusServer, type PrometheusServerOptions } from './prometheus-server';
export { waitFor, waitForHttpOk } from './wait-for';
