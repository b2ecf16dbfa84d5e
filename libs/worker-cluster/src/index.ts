export { ClusterSupervisor, type SupervisorOptions } from './cluster-supervisor.js';
export { CLUSTER_WORKER_UP, clusterWorkerUpExposition } from './cluster-worker-up.js';
export { type IpcChannel } from './ipc/ipc-channel.js';
export { IPC_NAMESPACE } from './ipc/ipc-envelope.js';
export { IpcPeerGoneError, IpcRemoteError, IpcTimeoutError } from './ipc/ipc-errors.js';
export { defineIpcTopic, type IpcHandler, type IpcTopic } from './ipc/ipc-topic.js';
export { type PendingWorkerAnswer, PrimaryIpc, type WorkerReply } from './ipc/primary-ipc.js';
export { connectToPrimary, PRIMARY, WorkerIpc } from './ipc/worker-ipc.js';
export { CrashHistory, DEFAULT_RESTART_POLICY, type RestartDecision, type RestartPolicy } from './restart-policy.js';
export { runWorkerCluster, type WorkerClusterOptions } from './run-worker-cluster.js';
export { gracefulHttpApp, type HttpApp } from './shutdown/graceful-http-app.js';
export { HttpServerDrain } from './shutdown/http-server-drain.js';
export {
  closeOnSignals,
  SHUTDOWN_EXIT_CODES,
  type GracefulService,
  type SignalShutdownOptions,
} from './shutdown/signal-shutdown.js';
export {
  readWorkerClusterSettings,
  WORKER_CLUSTER_NUMBER_RULES,
  type WorkerClusterSettings,
} from './worker-cluster.settings.js';
export { type PrimaryContext, type PrimaryService, type WorkerContext } from './worker-context.js';
export { WORKER_ID_HEADER, workerIdHeader } from './worker-id.header.js';
