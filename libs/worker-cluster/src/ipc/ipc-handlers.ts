import type { IpcHandler, IpcTopic } from './ipc-topic.js';

/** The topics a process answers, one handler each; `From` says who asked (a worker id in the primary). */
export class IpcHandlers<From> {
  private readonly byTopic = new Map<string, IpcHandler<unknown, unknown, From>>();

  /**
   * Answers `topic` with `handler` from now on. One handler per topic: a second would make the answer
   * depend on registration order. Returns the function that removes it.
   */
  add<Request, Response>(topic: IpcTopic<Request, Response>, handler: IpcHandler<Request, Response, From>): () => void {
    if (this.byTopic.has(topic.name)) throw new Error(`"${topic.name}" already has a handler`);
    const stored = handler as IpcHandler<unknown, unknown, From>;
    this.byTopic.set(topic.name, stored);
    return () => {
      if (this.byTopic.get(topic.name) === stored) this.byTopic.delete(topic.name);
    };
  }

  get(topicName: string): IpcHandler<unknown, unknown, From> | undefined {
    return this.byTopic.get(topicName);
  }
}
