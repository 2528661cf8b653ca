// `npm start` after the build: runs the Electron app when its binary is installed, otherwise browser mode.
// Electron's own launcher (node_modules/electron/cli.js) would try to download a missing binary; offline that
// hangs or fails, so this script looks for the binary itself and never downloads anything.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
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

export async function main(projectDir, extraArgs) {
  const electron = findElectronBinary(projectDir);
  if (!electron) {
    // stderr, so tools that read the host's first stdout line (its address) still find it there.
    console.error(FALLBACK_NOTICE);
    return runBrowserMode(projectDir, extraArgs);
  }
  // A terminal that exported ELECTRON_RUN_AS_NODE (editors do) would turn Electron into plain Node.
  const env = { ...process.env };
  delete env.ELECTRON_RUN_AS_NODE;
  const result = await runChild(electron, [projectDir, ...extraArgs], { cwd: projectDir, env });
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
