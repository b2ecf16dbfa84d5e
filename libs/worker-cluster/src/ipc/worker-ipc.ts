import type { IpcChannel } from './ipc-channel.js';
import { IpcHandlers } from './ipc-handlers.js';
import { IpcPeer } from './ipc-peer.js';
import type { IpcHandler, IpcTopic } from './ipc-topic.js';

/** The name the primary goes by in IPC errors, and the `from` its questions carry. */
export const PRIMARY = 'primary';

/** A worker's side of the IPC with its primary: it asks the primary, and answers the primary's questions. */
export class WorkerIpc {
  private readonly handlers = new IpcHandlers<typeof PRIMARY>();
  private readonly peer: IpcPeer<typeof PRIMARY>;

  constructor(channel: IpcChannel) {
    this.peer = new IpcPeer(PRIMARY, channel, this.handlers, PRIMARY);
  }

  ask<Request, Response>(topic: IpcTopic<Request, Response>, request: Request, timeoutMs: number): Promise<Response> {
    return this.peer.ask(topic, request, timeoutMs);
  }

  /** Answers the primary's `topic` questions; returns the function that stops answering. */
  handle<Request, Response>(
    topic: IpcTopic<Request, Response>,
    handler: IpcHandler<Request, Response, typeof PRIMARY>,
  ): () => void {
    return this.handlers.add(topic, handler);
  }

  close(reason: string): void {
    this.peer.close(reason);
  }
}

let connected: WorkerIpc | undefined;

/**
 * This process's one connection to its parent (the cluster primary). One per process: `process` has a
 * single channel, and two listeners on it would each answer every question.
 * @throws when the process has no IPC channel (it was not forked).
 */
export function connectToPrimary(): WorkerIpc {
  if (connected) return connected;
  if (typeof process.send !== 'function') throw new Error('this process has no IPC channel: it was not forked');
  connected = new WorkerIpc(process as unknown as IpcChannel);
  return connected;
}
