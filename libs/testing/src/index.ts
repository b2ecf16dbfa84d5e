export { builtEntry, REPO_ROOT, startBuiltApp, type StartedApp } from './built-app';
export {
  getOnNewConnection,
  isAlive,
  liveWorkerPidsFromLog,
  logContains,
  type ClusterResponse,
} from './cluster-probes';
export { parseExposition, scrape, selectSamples, sumSamples, type Sample } from './exposition';
export { freePort } from '@app/local-stack';
export { ManagedProcess, type ManagedProcessOptions } from '@app/local-stack';
export { describeWithBinaries, findBinary, isCi, requireBinaries, type BinaryRequirement } from './required-binary';
export { waitFor, waitForHttpOk } from '@app/local-stack';
