export { ClusterSupervisor, type SupervisorOptions } from './cluster-supervisor';
export { type IpcChannel } from './ipc/ipc-channel';
export { IPC_NAMESPACE } from './ipc/ipc-envelope';
export { IpcPeerGoneError, IpcRemoteError, IpcTimeoutError } from './ipc/ipc-errors';
export { defineIpcTopic, type IpcHandler, type IpcTopic } from './ipc/ipc-topic';
export { type PendingWorkerAnswer, PrimaryIpc, type WorkerReply } from './ipc/primary-ipc';
export { connectToPrimary, PRIMARY, WorkerIpc } from './ipc/worker-ipc';
export { CrashHistory, DEFAULT_RESTART_POLICY, type RestartDecision, type RestartPolicy } from './restart-policy';
export { runWorkerCluster, type WorkerClusterOptions } from './run-worker-cluster';
export {
  readWorkerClusterSettings,
  WORKER_CLUSTER_DEFAULTS,
  type WorkerClusterSettings,
} from './worker-cluster.settings';
export { type PrimaryContext, type PrimaryService, type WorkerContext } from './worker-context';
export { WORKER_ID_HEADER, workerIdHeader } from './worker-id.header';
