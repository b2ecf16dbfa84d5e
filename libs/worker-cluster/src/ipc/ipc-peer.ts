import type { IpcChannel } from './ipc-channel.js';
import { IPC_NAMESPACE, type IpcMessage, type IpcRequestMessage, isIpcMessage } from './ipc-envelope.js';
import { IpcPeerGoneError, IpcRemoteError, IpcTimeoutError } from './ipc-errors.js';
import type { IpcHandlers } from './ipc-handlers.js';
import type { IpcTopic } from './ipc-topic.js';

interface PendingRequest {
  readonly topic: string;
  readonly resolve: (payload: unknown) => void;
  readonly reject: (error: Error) => void;
  readonly timer: NodeJS.Timeout;
}

/**
 * This process's side of its conversation with one other process over one channel: the questions it
 * asked and awaits (each with a timeout), and the answers it gives with `handlers`. Both directions
 * share the channel, told apart by `kind`.
 */
export class IpcPeer<From> {
  private nextId = 1;
  private readonly pending = new Map<number, PendingRequest>();
  private goneReason: string | undefined;
  private readonly listener = (message: unknown) => this.receive(message);

  /**
   * @param name how the other process is named in errors (`primary`, `worker 3`).
   * @param from passed to the handlers: who asked.
   */
  constructor(
    readonly name: string,
    private readonly channel: IpcChannel,
    private readonly handlers: IpcHandlers<From>,
    private readonly from: From,
  ) {
    channel.on('message', this.listener);
  }

  /** Asks the other process; rejects on its error, on timeout, or when it goes away first. */
  ask<Request, Response>(topic: IpcTopic<Request, Response>, request: Request, timeoutMs: number): Promise<Response> {
    if (this.goneReason !== undefined) {
      return Promise.reject(new IpcPeerGoneError(topic.name, this.name, this.goneReason));
    }
    const id = this.nextId++;
    return new Promise<Response>((resolve, reject) => {
      const timer = setTimeout(() => this.settle(id, new IpcTimeoutError(topic.name, this.name, timeoutMs)), timeoutMs);
      // Unref'd: a question left unanswered must not keep a process alive that has nothing else to do.
      timer.unref();
      this.pending.set(id, { topic: topic.name, resolve: resolve as (payload: unknown) => void, reject, timer });
      this.send({ ns: IPC_NAMESPACE, kind: 'request', id, topic: topic.name, payload: request }, (error) =>
        this.settle(id, new IpcPeerGoneError(topic.name, this.name, error.message)),
      );
    });
  }

  /** Stops listening and fails every question still waiting; later questions fail at once. */
  close(reason: string): void {
    if (this.goneReason !== undefined) return;
    this.goneReason = reason;
    this.channel.off('message', this.listener);
    for (const [id, request] of this.pending) this.settle(id, new IpcPeerGoneError(request.topic, this.name, reason));
  }

  private receive(message: unknown): void {
    if (!isIpcMessage(message)) return;
    if (message.kind === 'request') {
      void this.answer(message);
    } else if (message.ok) {
      this.settle(message.id, undefined, message.payload);
    } else {
      this.settle(message.id, new IpcRemoteError(message.topic, this.name, message.error));
    }
  }

  private async answer(request: IpcRequestMessage): Promise<void> {
    const { id, topic } = request;
    const handler = this.handlers.get(topic);
    let reply: IpcMessage;
    try {
      if (!handler) throw new Error(`no handler for "${topic}"`);
      reply = {
        ns: IPC_NAMESPACE,
        kind: 'response',
        id,
        topic,
        ok: true,
        payload: await handler(request.payload, this.from),
      };
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      reply = { ns: IPC_NAMESPACE, kind: 'response', id, topic, ok: false, error: message };
    }
    // An answer that cannot be delivered has nobody left to read it: the asker went away.
    this.send(reply, () => undefined);
  }

  private send(message: IpcMessage, onError: (error: Error) => void): void {
    try {
      this.channel.send(message, undefined, undefined, (error) => {
        if (error) onError(error);
      });
    } catch (error) {
      // A closed channel throws synchronously (ERR_IPC_CHANNEL_CLOSED) rather than calling back.
      onError(error instanceof Error ? error : new Error(String(error)));
    }
  }

  private settle(id: number, error: Error | undefined, payload?: unknown): void {
    const request = this.pending.get(id);
    if (!request) return; // answered already, or timed out: a late answer is dropped
    this.pending.delete(id);
    clearTimeout(request.timer);
    if (error) request.reject(error);
    else request.resolve(payload);
  }
}
