import type { IpcChannel } from './ipc-channel.js';
import { IpcPeerGoneError } from './ipc-errors.js';
import { IpcHandlers } from './ipc-handlers.js';
import { IpcPeer } from './ipc-peer.js';
import type { IpcHandler, IpcTopic } from './ipc-topic.js';

/** One worker's reply to a question asked of all: its answer or why there is none. */
export type WorkerReply<Response> =
  | { readonly workerId: number; readonly ok: true; readonly value: Response }
  | { readonly workerId: number; readonly ok: false; readonly error: Error };

/** One worker's answer to come, as returned by {@link PrimaryIpc.askEach}. */
export interface PendingWorkerAnswer<Response> {
  readonly workerId: number;
  readonly answer: Promise<Response>;
}

/**
 * The primary's side of the IPC with its workers: it asks one worker or every live one, and answers the
 * workers' questions (the handler is told which worker asked). The supervisor attaches each worker it
 * forks and detaches it when it exits, which fails the questions it had not answered yet.
 */
export class PrimaryIpc {
  private readonly handlers = new IpcHandlers<number>();
  private readonly peers = new Map<number, IpcPeer<number>>();

  attach(workerId: number, channel: IpcChannel): void {
    this.peers.get(workerId)?.close('replaced');
    this.peers.set(workerId, new IpcPeer(`worker ${workerId}`, channel, this.handlers, workerId));
  }

  detach(workerId: number, reason: string): void {
    this.peers.get(workerId)?.close(reason);
    this.peers.delete(workerId);
  }

  /** Ids of the workers attached now, in attachment order. */
  get workerIds(): number[] {
    return [...this.peers.keys()];
  }

  /** Answers the workers' `topic` questions; returns the function that stops answering. */
  handle<Request, Response>(topic: IpcTopic<Request, Response>, handler: IpcHandler<Request, Response, number>) {
    return this.handlers.add(topic, handler);
  }

  ask<Request, Response>(
    workerId: number,
    topic: IpcTopic<Request, Response>,
    request: Request,
    timeoutMs: number,
  ): Promise<Response> {
    const peer = this.peers.get(workerId);
    if (!peer) return Promise.reject(new IpcPeerGoneError(topic.name, `worker ${workerId}`, 'not attached'));
    return peer.ask(topic, request, timeoutMs);
  }

  /** Asks every live worker at once; each answer settles on its own, as soon as it comes. */
  askEach<Request, Response>(
    topic: IpcTopic<Request, Response>,
    request: Request,
    timeoutMs: number,
  ): PendingWorkerAnswer<Response>[] {
    return [...this.peers].map(([workerId, peer]) => ({ workerId, answer: peer.ask(topic, request, timeoutMs) }));
  }

  /** Asks every live worker at once and waits for all replies; never rejects, a failure is a reply. */
  askAll<Request, Response>(
    topic: IpcTopic<Request, Response>,
    request: Request,
    timeoutMs: number,
  ): Promise<WorkerReply<Response>[]> {
    return Promise.all(
      this.askEach(topic, request, timeoutMs).map(({ workerId, answer }) =>
        answer.then(
          (value): WorkerReply<Response> => ({ workerId, ok: true, value }),
          (error: unknown): WorkerReply<Response> => ({
            workerId,
            ok: false,
            error: error instanceof Error ? error : new Error(String(error)),
          }),
        ),
      ),
    );
  }
}
