export { builtEntry, REPO_ROOT, startBuiltApp, type StartedApp } from './built-app.js';
export { startBuiltCli, type CliResult, type CliRun } from './built-cli.js';
export { cluster, type BackgroundLoop } from './cluster-app.js';
export {
  getOnNewConnection,
  isAlive,
  type LiveWorker,
  liveWorkerPidsFromLog,
  liveWorkersFromLog,
  logContains,
  type ClusterResponse,
} from './cluster-probes.js';
export { knownTraffic, type KnownRequest } from './known-traffic.js';
export { parseExposition, scrape, selectSamples, sumSamples, type Sample } from './exposition.js';
export { present } from './present.js';
export { freePort } from '@app/local-stack';
export { ManagedProcess, type ManagedProcessOptions } from '@app/local-stack';
export { describeWithBinaries, findBinary, isCi, requireBinaries, type BinaryRequirement } from './required-binary.js';
export { waitFor, waitForHttpOk } from '@app/local-stack';
export { expectSuccess, runTool, type ToolRun } from './run-tool.js';
export {
  describeMetricRecorderConformance,
  FIXTURE_METRICS,
  type RecorderUnderTest,
} from './metric-recorder-conformance.js';
export {
  CHROMIUM_ARGS,
  DEFAULT_CHROMIUM_PATH,
  readFiringAlerts,
  ReceiverPage,
  waitForFiringAlert,
  type ReceiverPageOptions,
  type VisibleFiringAlert,
} from './receiver-page.js';
export { requestEach, sendTrafficForEveryPanel, startTestStack, waitForBothApps } from './test-stack.js';
