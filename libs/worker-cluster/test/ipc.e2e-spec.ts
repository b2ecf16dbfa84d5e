/**
 * The request/response IPC between real processes: a child forked from the test (its side is
 * WorkerIpc, as in a cluster worker) and the test process as the primary (PrimaryIpc).
 */
import { IpcPeerGoneError, IpcRemoteError, IpcTimeoutError, PrimaryIpc } from '@app/worker-cluster';
import { type ChildProcess, fork } from 'node:child_process';
import { DOUBLE, ECHO, FAIL, NEVER_HANDLED, RELAY_DOUBLE, SLOW } from './fixtures/ipc-topics.js';
import { fixturePath, REPO_ROOT, TS_LOADER_ARGS } from './fixtures/typescript-loader.js';

/** Forks an IPC child and resolves once it says it is ready. */
function forkChild(): Promise<ChildProcess> {
  const child = fork(fixturePath('ipc-child'), [], {
    cwd: REPO_ROOT,
    execArgv: [...TS_LOADER_ARGS],
    // As the cluster supervisor sets it: structured clone, so NaN and Infinity survive.
    serialization: 'advanced',
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code) =>
      reject(new Error(`the IPC child exited with code ${String(code)} before it was ready`)),
    );
    child.on('message', (message) => {
      if (message === 'ready') resolve(child);
    });
  });
}

function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once('exit', () => resolve()));
}

describe('IPC between the primary and its workers', () => {
  const children: ChildProcess[] = [];
  let ipc: PrimaryIpc;

  async function attachChild(workerId: number): Promise<ChildProcess> {
    const child = await forkChild();
    children.push(child);
    ipc.attach(workerId, child);
    return child;
  }

  beforeEach(() => {
    ipc = new PrimaryIpc();
  });

  afterEach(async () => {
    const all = children.splice(0);
    for (const child of all) child.kill('SIGKILL');
    await Promise.all(all.map(exited));
  });

  it('asks a worker and gets its answer, values that JSON would lose included', async () => {
    await attachChild(1);
    const payload = { text: 'héllo', list: [1, 2], nan: Number.NaN, inf: Number.POSITIVE_INFINITY };
    await expect(ipc.ask(1, ECHO, payload, 2_000)).resolves.toEqual(payload);
  });

  it("rejects with the worker's error message when its handler throws, and keeps working", async () => {
    await attachChild(1);
    await expect(ipc.ask(1, FAIL, 'the disk is full', 2_000)).rejects.toThrow(
      new IpcRemoteError(FAIL.name, 'worker 1', 'the disk is full'),
    );
    await expect(ipc.ask(1, ECHO, 'still there', 2_000)).resolves.toBe('still there');
  });

  it('rejects a topic the worker does not handle, naming it', async () => {
    await attachChild(1);
    const error = await ipc.ask(1, NEVER_HANDLED, undefined, 2_000).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(IpcRemoteError);
    expect((error as Error).message).toContain(`no handler for "${NEVER_HANDLED.name}"`);
  });

  it('times out a slow answer, drops it when it comes late, and pairs the next answers right', async () => {
    await attachChild(1);
    const started = Date.now();
    await expect(ipc.ask(1, SLOW, 500, 100)).rejects.toBeInstanceOf(IpcTimeoutError);
    expect(Date.now() - started).toBeLessThan(400);
    // The late answer to the first question arrives while these wait: each must get its own answer.
    const [echo, slow] = await Promise.all([ipc.ask(1, ECHO, 'echo', 2_000), ipc.ask(1, SLOW, 600, 2_000)]);
    expect([echo, slow]).toEqual(['echo', 'after 600 ms']);
  });

  it('answers a question from a worker, knowing which worker asked', async () => {
    const askers: number[] = [];
    ipc.handle(DOUBLE, (value, workerId) => {
      askers.push(workerId);
      return value * 2;
    });
    await attachChild(7);
    await expect(ipc.ask(7, RELAY_DOUBLE, 21, 3_000)).resolves.toBe(42);
    expect(askers).toEqual([7]);
  });

  it('fails the pending questions of a worker that exits, at once rather than at the timeout', async () => {
    const child = await attachChild(1);
    const pending = ipc.ask(1, SLOW, 10_000, 30_000);
    child.kill('SIGKILL');
    await exited(child);
    ipc.detach(1, 'exited with signal SIGKILL');
    await expect(pending).rejects.toThrow(new IpcPeerGoneError(SLOW.name, 'worker 1', 'exited with signal SIGKILL'));
    await expect(ipc.ask(1, ECHO, 'anyone?', 1_000)).rejects.toBeInstanceOf(IpcPeerGoneError);
    expect(ipc.workerIds).toEqual([]);
  });

  it('asks every live worker at once; one failure is one failed reply, not a failed round', async () => {
    await attachChild(1);
    await attachChild(2);
    const dead = await attachChild(3);
    dead.kill('SIGKILL');
    await exited(dead);
    const replies = await ipc.askAll(ECHO, 'ping', 1_000);
    expect(replies.slice(0, 2)).toEqual([
      { workerId: 1, ok: true, value: 'ping' },
      { workerId: 2, ok: true, value: 'ping' },
    ]);
    // Not detached yet (the supervisor does it on 'exit'): its channel is closed, so its send fails.
    expect(replies[2]).toMatchObject({ workerId: 3, ok: false });
    expect(replies[2].ok || replies[2].error).toBeInstanceOf(IpcPeerGoneError);
  });

  it('refuses a second handler for the same topic', () => {
    ipc.handle(DOUBLE, (value) => value * 2);
    expect(() => ipc.handle(DOUBLE, (value) => value * 3)).toThrow(`"${DOUBLE.name}" already has a handler`);
  });
});
