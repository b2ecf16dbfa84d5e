/**
 * A kind of question one process asks another: its name on the wire and, for the compiler only, the
 * types of the question and of the answer. Name topics `<library>:<question>` (`prom-client-metrics:snapshot`)
 * so that two libraries never answer each other's questions.
 */
export interface IpcTopic<Request, Response> {
  readonly name: string;
  /** Never set: carries the types, so that `ask` and `handle` agree on them. */
  readonly types?: { readonly request: Request; readonly response: Response };
}

export function defineIpcTopic<Request = void, Response = void>(name: string): IpcTopic<Request, Response> {
  return { name };
}

/** A topic's answer, produced by the process asked. */
export type IpcHandler<Request, Response, From> = (request: Request, from: From) => Response | Promise<Response>;
