/** The other process did not answer in time. */
export class IpcTimeoutError extends Error {
  constructor(topic: string, peer: string, timeoutMs: number) {
    super(`${peer} did not answer "${topic}" within ${timeoutMs} ms`);
    this.name = 'IpcTimeoutError';
  }
}

/** The other process went away (exited, or its channel closed) before answering. */
export class IpcPeerGoneError extends Error {
  constructor(topic: string, peer: string, reason: string) {
    super(`${peer} cannot answer "${topic}": ${reason}`);
    this.name = 'IpcPeerGoneError';
  }
}

/** The other process answered with an error: its handler failed, or it has no handler for the topic. */
export class IpcRemoteError extends Error {
  constructor(topic: string, peer: string, message: string) {
    super(`${peer} failed to answer "${topic}": ${message}`);
    this.name = 'IpcRemoteError';
  }
}
