import { expect } from '@jest/globals';
import { startBuiltCli, waitFor, type CliRun } from '@app/testing';
import type { ChildProcess } from 'node:child_process';
import type { TrafficReport } from '@app/traffic';
import { startStatusServer, type StatusServer } from './fixtures/status-server.js';

const startCli = (args: readonly string[]): CliRun => startBuiltCli('traffic', args);

describe('traffic CLI (built, run as a process)', () => {
  let server: StatusServer;
  const running = new Set<ChildProcess>();
  const cli = (args: readonly string[]) => {
    const run = startCli(args);
    running.add(run.child);
    return run;
  };

  beforeEach(async () => {
    server = await startStatusServer({ slowMs: 2_000 });
  });

  afterEach(async () => {
    for (const child of running) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    running.clear();
    await server.close();
  });

  it('sends the requests, prints the summary table and exits 0', async () => {
    // The default mix, whose /four outlasts the 0.3 s timeout on this server.
    const { code, stdout, stderr } = await cli([
      '--target',
      server.url,
      '--requests',
      '100',
      '--seed',
      '11',
      '--timeout',
      '0.3',
    ]).done;
    expect({ code, stderr }).toEqual({ code: 0, stderr: expect.stringContaining('sent 100/100') });
    expect(server.received).toHaveLength(100);
    const lines = stdout.split('\n');
    expect(lines[0]).toBe('Traffic run: request count reached.');
    expect(lines[1]).toMatch(/^100 requests in \d+\.\d\d s: [\d.]+ req\/s \(no rate limit\), seed 11\.$/);
    expect(lines).toContainEqual(expect.stringMatching(/^route\s+sent\s+200\s+404\s+500\s+timeout\s+error$/));
    const total = lines.find((line) => line.startsWith('total'))?.split(/\s+/);
    const statuses = server.countBy('status');
    const slow = server.countBy('path')['/four'] ?? 0;
    expect(slow).toBeGreaterThan(0);
    const expected = [statuses['200'] - slow, statuses['404'] ?? 0, statuses['500'] ?? 0, slow, 0];
    expect(total).toEqual(['total', '100', ...expected.map(String)]);
    expect(lines).toContainEqual(`${server.url}   100  100.0 %`);
    expect(lines).toContainEqual(
      expect.stringMatching(new RegExp(`^complete responses\\s+${100 - slow}(\\s+\\d+\\.\\d){5}$`)),
    );
  });

  it('prints the report as JSON with --json, and nothing on stderr with --quiet', async () => {
    const { code, stdout, stderr } = await cli([
      '--target',
      server.url,
      '--requests',
      '20',
      '--mix',
      'one=1,error=1',
      '--json',
      '--quiet',
    ]).done;
    expect(code).toBe(0);
    expect(stderr).toBe('');
    const report = JSON.parse(stdout) as TrafficReport;
    expect(report).toMatchObject({ sent: 20, stopReason: 'requests', byTarget: { [server.url]: 20 } });
    expect((report.byStatus['200'] ?? 0) + (report.byStatus['500'] ?? 0)).toBe(20);
  });

  it.each([
    [['--requests', '10', '--target', 'ftp://nowhere'], '--target must be http or https URLs'],
    [['--target', 'http://127.0.0.1:1', '--requests', '10', '--rate', 'fast'], '--rate must be a number, got "fast"'],
    [['--target', 'http://127.0.0.1:1'], '--requests or --duration must be set'],
    [['--target', 'http://127.0.0.1:1', '--requests', '10', '--mix', 'seven=1'], '--mix has an unknown route "seven"'],
    [['--target', 'http://127.0.0.1:1', '--requests', '10', '--speed', '3'], "Unknown option '--speed'"],
  ])('exits 2 on %j, naming the option, and sends nothing', async (args, message) => {
    const { code, stdout, stderr } = await cli(args).done;
    expect(code).toBe(2);
    expect(stderr).toContain(`traffic: ${message}`);
    expect(stderr).toContain('Run with --help for usage.');
    expect(stdout).toBe('');
  });

  it('prints its usage with --help and exits 0', async () => {
    const { code, stdout } = await cli(['--help']).done;
    expect(code).toBe(0);
    for (const flag of [
      '--target',
      '--concurrency',
      '--rate',
      '--duration',
      '--requests',
      '--mix',
      '--weights',
      '--timeout',
      '--seed',
      '--quiet',
      '--json',
      '--help',
    ]) {
      expect(stdout).toContain(`  ${flag}`);
    }
  });

  it('stops on Ctrl-C (SIGINT), still prints the summary, and exits 130', async () => {
    const run = cli(['--target', server.url, '--duration', '60', '--rate', '20', '--mix', 'one=1,two=1']);
    await waitFor('the CLI to send requests', () => (server.received.length >= 5 ? true : undefined), {
      timeoutMs: 10_000,
    });
    run.child.kill('SIGINT');
    const { code, stdout, stderr } = await run.done;
    expect(code).toBe(130);
    expect(stderr).toContain('SIGINT: stopping');
    expect(stdout.split('\n')[0]).toBe('Traffic run: aborted before its end.');
    const total = stdout
      .split('\n')
      .find((line) => line.startsWith('total'))
      ?.split(/\s+/);
    expect(total?.[1]).toBe(String(server.received.length));
  });
});
