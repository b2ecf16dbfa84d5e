import { createServer } from 'node:net';

/** Ports this process has handed out: the kernel may give a released port to the next probe. */
const handedOut = new Set<number>();
const MAX_PROBES = 100;

/**
 * A TCP port on 127.0.0.1 that was free a moment ago, and that no earlier call in this process returned: a stack
 * asks for several ports in a row, and two of its components given the same one would not both start (a CI run
 * saw PORT and METRICS_PORT both 40107).
 */
export async function freePort(): Promise<number> {
  for (let probe = 1; probe <= MAX_PROBES; probe += 1) {
    const port = await probeFreePort();
    if (!handedOut.has(port)) {
      handedOut.add(port);
      return port;
    }
  }
  throw new Error(`no port free on 127.0.0.1 that was not already handed out, after ${MAX_PROBES} probes`);
}

function probeFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      if (address === null || typeof address === 'string') {
        server.close();
        reject(new Error('could not read the port of a probe server'));
        return;
      }
      server.close(() => resolve(address.port));
    });
  });
}
