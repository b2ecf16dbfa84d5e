/**
 * The one end of an IPC channel that this library needs: a child's `process`, a `cluster.Worker` or a
 * `ChildProcess` in the parent all fit it.
 */
export interface IpcChannel {
  send(message: unknown, sendHandle: undefined, options: undefined, callback: (error: Error | null) => void): boolean;
  on(event: 'message', listener: (message: unknown) => void): unknown;
  off(event: 'message', listener: (message: unknown) => void): unknown;
}
