// `npm start`, `npm run start:browser` and `npm run demo`: checks the flags, builds only when a source is newer
// than the build, then runs the Electron app when its binary is installed, otherwise browser mode.
// Electron's own launcher (node_modules/electron/cli.js) would try to download a missing binary; offline that
// hangs or fails, so this script looks for the binary itself and never downloads anything.
//
//   node scripts/start.mjs [--browser] [--demo] [--data-dir DIR] [--port N] [--test-clock] [--database postgres://…]
//
// npm passes what follows `npm start --` straight here (package.json runs this script through
// ensure-node.mjs, never through a second `npm run`, which would take `--data-dir` as one of npm's own
// settings and hand `./mydata` on as a stray argument).
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const FALLBACK_NOTICE =
  'Electron 程序未安装（离线环境无法下载），改用浏览器模式启动 / Electron binary not installed; starting browser mode instead.';

/**
 * The Electron executable installed under the project, or null. Installed means both
 * node_modules/electron/path.txt and node_modules/electron/dist/<contents of path.txt> exist.
 */
export function findElectronBinary(projectDir) {
  const electronDir = path.join(projectDir, 'node_modules', 'electron');
  let relative;
  try {
    relative = fs.readFileSync(path.join(electronDir, 'path.txt'), 'utf8').trim();
  } catch {
    return null;
  }
  if (relative === '') return null;
  const binary = path.join(electronDir, 'dist', relative);
  return fs.existsSync(binary) ? binary : null;
}

/** Runs a child with inherited stdio, passes Ctrl+C and termination on, and leaves with the child's status. */
function runChild(command, args, options = {}) {
  const child = spawn(command, args, { stdio: 'inherit', windowsHide: false, ...options });
  const forward = (signal) => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
  };
  process.on('SIGINT', forward);
  process.on('SIGTERM', forward);
  return new Promise((resolve) => {
    child.on('error', (error) => resolve({ error }));
    child.on('exit', (code, signal) => {
      process.off('SIGINT', forward);
      process.off('SIGTERM', forward);
      resolve({ code, signal });
    });
  });
}

function exitCodeOf(result) {
  if (result.error) return 1;
  if (result.code !== null) return result.code;
  return 128 + (os.constants.signals[result.signal] ?? 0);
}

async function runBrowserMode(projectDir, extraArgs) {
  const host = path.join(projectDir, 'dist', 'main', 'host.cjs');
  if (!fs.existsSync(host)) {
    console.error(`Browser mode is not built: ${host} is missing. Run "npm run build" first.`);
    return 1;
  }
  const result = await runChild(process.execPath, [host, ...extraArgs], { cwd: projectDir });
  if (result.error) console.error(`Could not start browser mode: ${result.error.message}`);
  return exitCodeOf(result);
}

/** The flags a person may give; the host takes the same ones (main/host/cli.ts). */
const OPTIONS = {
  browser: { type: 'boolean' },
  demo: { type: 'boolean' },
  'data-dir': { type: 'string' },
  port: { type: 'string' },
  'test-clock': { type: 'boolean' },
  database: { type: 'string' },
};
const USAGE_ZH = '可用参数：--data-dir 目录、--port 端口、--test-clock、--demo、--browser、--database postgres://…';
const USAGE_EN = 'use --data-dir DIR, --port N, --test-clock, --demo, --browser, --database postgres://…';

/**
 * The flags as a person typed them, or a one-line refusal in Chinese and English. `--data-dir=DIR` and
 * `--data-dir DIR` both work; a leading `--` (the older `npm start -- -- --data-dir …`) is passed over.
 *
 * @example
 * parseStartArgs(['--data-dir', './mydata']) // { ok: true, values: { 'data-dir': './mydata' } }
 * parseStartArgs(['--datadir', 'x'])         // { ok: false, message: '未知的启动参数“--datadir”…' }
 */
export function parseStartArgs(argv) {
  const args = argv[0] === '--' ? argv.slice(1) : argv;
  let values;
  try {
    ({ values } = parseArgs({ args, options: OPTIONS, strict: true, allowPositionals: false }));
  } catch (error) {
    const flag = /'([^']+)'/.exec(String(error.message))?.[1] ?? args.join(' ');
    if (error.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') return { ok: false, message: `未知的启动参数“${flag}”，${USAGE_ZH} / unknown option "${flag}"; ${USAGE_EN}` };
    if (error.code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL') return { ok: false, message: `多余的启动参数“${flag}”，${USAGE_ZH} / unexpected argument "${flag}"; ${USAGE_EN}` };
    return { ok: false, message: `启动参数有误：${flag} 需要一个值，${USAGE_ZH} / ${flag} needs a value; ${USAGE_EN}` };
  }
  if (values.port !== undefined && !/^\d{1,5}$/.test(values.port)) {
    return { ok: false, message: `端口应为数字，例如 --port 8080 / --port takes a number, e.g. --port 8080` };
  }
  if (values['data-dir'] === '') return { ok: false, message: `--data-dir 需要一个文件夹 / --data-dir needs a folder` };
  return { ok: true, values };
}

/** The host's flags for these values (the data folder made absolute against where the person typed it). */
function hostArgs(values, cwd) {
  const out = [];
  if (values['data-dir'] !== undefined) out.push('--data-dir', path.resolve(cwd, values['data-dir']));
  if (values.port !== undefined) out.push('--port', values.port);
  if (values['test-clock']) out.push('--test-clock');
  if (values.demo) out.push('--demo');
  if (values.database !== undefined) out.push('--database', values.database);
  return out;
}

/** What the build reads, and what it writes (scripts/build-main.mjs and vite.config.ts). */
const BUILD_INPUTS = ['main', 'renderer', 'shared', 'scripts/build-main.mjs', 'vite.config.ts', 'postcss.config.cjs', 'package.json', 'package-lock.json'];
const BUILD_OUTPUTS = ['dist/main/host.cjs', 'dist/main/electron.cjs', 'dist/main/preload.cjs', 'dist/renderer/index.html'];

function newestMtime(file) {
  let stat;
  try {
    stat = fs.statSync(file);
  } catch {
    return 0;
  }
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of fs.readdirSync(file)) {
    if (entry === 'node_modules' || entry.startsWith('.')) continue;
    newest = Math.max(newest, newestMtime(path.join(file, entry)));
  }
  return newest;
}

/**
 * Why the build must run again, or null when it is up to date: an output is missing, or a source file (or a
 * folder, whose time changes when a file in it is added, removed or renamed) is newer than the oldest output.
 */
export function buildStaleReason(projectDir) {
  let oldestOutput = Infinity;
  for (const out of BUILD_OUTPUTS) {
    const file = path.join(projectDir, out);
    if (!fs.existsSync(file)) return `${out} is missing`;
    oldestOutput = Math.min(oldestOutput, fs.statSync(file).mtimeMs);
  }
  for (const input of BUILD_INPUTS) {
    if (newestMtime(path.join(projectDir, input)) > oldestOutput) return `${input} changed`;
  }
  return null;
}

function buildIfStale(projectDir) {
  const reason = buildStaleReason(projectDir);
  if (reason === null) {
    console.error('构建已是最新，直接启动 / build is up to date, starting');
    return 0;
  }
  console.error(`正在构建（${reason}）… / building (${reason})`);
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const r = spawnSync(npm, ['run', 'build', '--silent'], { cwd: projectDir, stdio: 'inherit', shell: process.platform === 'win32' });
  return r.status ?? 1;
}

// npm runs scripts in the project folder; INIT_CWD is where the person typed the command.
export async function main(projectDir, argv, cwd = process.env.INIT_CWD ?? process.cwd()) {
  const parsed = parseStartArgs(argv);
  if (!parsed.ok) {
    console.error(parsed.message);
    return 2;
  }
  const built = buildIfStale(projectDir);
  if (built !== 0) return built;
  const extraArgs = hostArgs(parsed.values, cwd);
  // The county edition (a PostgreSQL database) is served to the office's browsers: browser mode.
  if (parsed.values.browser || parsed.values.demo || parsed.values.database !== undefined) return runBrowserMode(projectDir, extraArgs);
  const electron = findElectronBinary(projectDir);
  if (!electron) {
    // stderr, so tools that read the host's first stdout line (its address) still find it there.
    console.error(FALLBACK_NOTICE);
    return runBrowserMode(projectDir, extraArgs);
  }
  // A terminal that exported ELECTRON_RUN_AS_NODE (editors do) would turn Electron into plain Node.
  const env = { ...process.env };
  delete env.ELECTRON_RUN_AS_NODE;
  // The Electron app takes its data folder from the environment (main/db DATA_DIR_ENV).
  if (parsed.values['data-dir'] !== undefined) env.PETITION_DESK_DATA_DIR = path.resolve(cwd, parsed.values['data-dir']);
  const result = await runChild(electron, [projectDir], { cwd: projectDir, env });
  if (result.error) {
    console.error(`Could not start Electron (${result.error.message}); starting browser mode instead.`);
    return runBrowserMode(projectDir, extraArgs);
  }
  return exitCodeOf(result);
}

const isEntryPoint = process.argv[1] !== undefined && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href;
if (isEntryPoint) {
  const projectDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
  process.exitCode = await main(projectDir, process.argv.slice(2));
}
