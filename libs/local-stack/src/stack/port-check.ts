import { createServer } from 'node:net';
import type { StackPorts } from './stack-ports.js';

/** Fails with one message naming every port of the stack that something else already listens on. */
export async function assertPortsFree(ports: StackPorts): Promise<void> {
  const busy: string[] = [];
  for (const [component, port] of Object.entries(ports) as Array<[string, number]>) {
    if (!(await isFree(port))) busy.push(`${port} (${component})`);
  }
  if (busy.length > 0) {
    throw new Error(
      `ports already in use on 127.0.0.1: ${busy.join(', ')}. Stop what listens there (another demo?) and retry.`,
    );
  }
}

function isFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}
