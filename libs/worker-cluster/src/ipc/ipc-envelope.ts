/**
 * What travels on the IPC channel. Every message carries the namespace, so that messages of other
 * parties on the same channel (Node's cluster internals, prom-client's own `AggregatorRegistry`, a
 * process manager) are left alone, and ours are never mistaken for theirs.
 */
export const IPC_NAMESPACE = 'worker-cluster';

interface Envelope {
  readonly ns: typeof IPC_NAMESPACE;
  /** Per asking side, increasing: pairs an answer with its question. */
  readonly id: number;
  readonly topic: string;
}

export interface IpcRequestMessage extends Envelope {
  readonly kind: 'request';
  readonly payload: unknown;
}

export type IpcResponseMessage = Envelope & { readonly kind: 'response' } & (
    { readonly ok: true; readonly payload: unknown } | { readonly ok: false; readonly error: string }
  );

export type IpcMessage = IpcRequestMessage | IpcResponseMessage;

export function isIpcMessage(message: unknown): message is IpcMessage {
  if (typeof message !== 'object' || message === null) return false;
  const candidate = message as Partial<Envelope> & { kind?: unknown };
  return (
    candidate.ns === IPC_NAMESPACE &&
    typeof candidate.id === 'number' &&
    typeof candidate.topic === 'string' &&
    (candidate.kind === 'request' || candidate.kind === 'response')
  );
}
