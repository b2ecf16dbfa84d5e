/**
 * The compose Alertmanager runs the committed alertmanager.yml with one change, made by its container's
 * command: the alert receiver's local address becomes its compose service. The command's own `sed` is run
 * here on the committed file, and amtool checks what Alertmanager would load.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describeWithBinaries, present, REPO_ROOT } from '@app/testing';
import { containerPortsOf, hostAndPort, hostPathOf, loadComposeProject, mountsOf } from './compose-project.js';

const project = loadComposeProject();
const alertmanager = project.services.alertmanager;
const script = (alertmanager.command ?? []).join(' ');
const [renderStep, startStep] = script.split('&&').map((step) => step.trim());
const committedMount = present(
  mountsOf(alertmanager).find((mount) => mount.source.endsWith('alertmanager.yml')),
  'a mounted alertmanager.yml',
);

interface WebhookConfig {
  url: string;
}
/** The part of alertmanager.yml read here. */
interface ReceiversConfig {
  receivers: { webhook_configs?: WebhookConfig[] }[];
}
const webhookUrls = (config: ReceiversConfig) =>
  config.receivers.flatMap((receiver) => receiver.webhook_configs ?? []).map((webhook) => webhook.url);

it('mounts the committed alertmanager.yml and starts Alertmanager on the rendered copy', () => {
  expect(committedMount.source).toBe('./observability/alertmanager/alertmanager.yml');
  expect(alertmanager.entrypoint).toEqual(['/bin/sh', '-c']);
  expect(renderStep).toMatch(new RegExp(`^sed '[^']+' ${committedMount.target} > (\\S+)$`));
  const rendered = present(/> (\S+)$/.exec(renderStep), 'the file the render step writes')[1];
  expect(startStep).toMatch(new RegExp(`^exec /bin/alertmanager --config.file=${rendered} `));
  expect(startStep).toContain('--cluster.listen-address=');
});

describeWithBinaries(['amtool'], 'the configuration the compose Alertmanager loads', ({ amtool }) => {
  let workDir: string;
  let renderedFile: string;

  beforeAll(() => {
    workDir = mkdtempSync(join(tmpdir(), 'alertmanager-compose-'));
    renderedFile = join(workDir, 'alertmanager.yml');
    // The container's own render step, with its two container paths pointed at the repository and a temp file.
    const hostStep = renderStep
      .replace(committedMount.target, hostPathOf(committedMount))
      .replace(/> \S+$/, `> ${renderedFile}`);
    execFileSync('sh', ['-c', hostStep], { cwd: REPO_ROOT });
  });
  afterAll(() => rmSync(workDir, { recursive: true, force: true }));

  it('is valid for amtool', () => {
    const output = execFileSync(amtool, ['check-config', renderedFile], { encoding: 'utf8' });
    expect(output).toContain('SUCCESS');
  });

  it('sends every webhook to the alert-receiver service, on the port it listens on, and changes nothing else', () => {
    const committed = parse(readFileSync(hostPathOf(committedMount), 'utf8')) as ReceiversConfig;
    const rendered = parse(readFileSync(renderedFile, 'utf8')) as ReceiversConfig;
    const urls = webhookUrls(rendered);
    expect(urls.length).toBeGreaterThan(0);
    const receiverPorts = containerPortsOf(project.services['alert-receiver']);
    for (const url of urls) {
      const { host, port } = hostAndPort(url);
      expect({ url, host, portServed: receiverPorts.includes(port) }).toEqual({
        url,
        host: 'alert-receiver',
        portServed: true,
      });
    }
    const withoutUrls = (config: object) =>
      JSON.stringify(config, (key, value: unknown) => (key === 'url' ? undefined : value));
    expect(withoutUrls(rendered)).toBe(withoutUrls(committed));
    expect(webhookUrls(committed).map((url) => new URL(url).pathname)).toEqual(
      urls.map((url) => new URL(url).pathname),
    );
  });
});
