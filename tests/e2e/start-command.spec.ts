/**
 * Start-up as the README says: the real `npm run start:browser` command, spawned as a person types it in a
 * terminal, with the data folder given both ways, an unknown flag refused in one line, and no rebuild when the
 * build is up to date (these run after `npm run build`, so it is).
 */
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { test, expect } from '@playwright/test';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const NPM = process.platform === 'win32' ? 'npm.cmd' : 'npm';

interface Started {
  readonly url: string;
  readonly output: string;
}

/** Runs `npm run start:browser -- <args>` from `cwd` until it prints its address, then stops it. */
async function startBrowser(cwd: string, args: readonly string[]): Promise<Started> {
  const child = spawn(NPM, ['--prefix', ROOT, 'run', 'start:browser', '--', ...args], { cwd, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  try {
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no address within 30 s:\n${output}`)), 30_000);
      const read = (chunk: Buffer) => {
        output += chunk.toString();
        const m = /PETITION_DESK_URL=(\S+)/.exec(output);
        if (m?.[1]) {
          clearTimeout(timer);
          resolve(m[1]);
        }
      };
      child.stdout.on('data', read);
      child.stderr.on('data', read);
      child.on('exit', (code) => reject(new Error(`exited ${code}:\n${output}`)));
    });
    return { url, output };
  } finally {
    // The whole group: npm, ensure-node, start.mjs and the host.
    if (child.pid !== undefined && child.exitCode === null) process.kill(-child.pid, 'SIGTERM');
    await new Promise((r) => (child.exitCode === null ? child.once('exit', r) : r(null)));
  }
}

function tempDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'desk-start-'));
}

test.describe('npm run start:browser', () => {
  test('takes --data-dir ./mydata as the README writes it, relative to where it was typed, without rebuilding', async () => {
    const cwd = tempDir();
    const started = await startBrowser(cwd, ['--data-dir', './mydata']);
    expect(started.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=/);
    expect(started.output).toContain(`数据文件夹 / data folder: ${path.join(cwd, 'mydata')}`);
    expect(fs.existsSync(path.join(cwd, 'mydata', 'petition-desk.sqlite'))).toBe(true);
    expect(started.output).toContain('构建已是最新，直接启动 / build is up to date, starting');
    expect(started.output).not.toContain('正在构建');
    fs.rmSync(cwd, { recursive: true, force: true });
  });

  test('takes --data-dir=./mydata too', async () => {
    const cwd = tempDir();
    const started = await startBrowser(cwd, ['--data-dir=./mydata']);
    expect(started.output).toContain(`数据文件夹 / data folder: ${path.join(cwd, 'mydata')}`);
    expect(fs.existsSync(path.join(cwd, 'mydata', 'petition-desk.sqlite'))).toBe(true);
    fs.rmSync(cwd, { recursive: true, force: true });
  });

  test('refuses an unknown flag in one line of Chinese and English, without a stack trace', async () => {
    const cwd = tempDir();
    const r = spawnSync(NPM, ['--prefix', ROOT, 'run', '--silent', 'start:browser', '--', '--datadir', './mydata'], { cwd, encoding: 'utf8' });
    expect(r.status).toBe(2);
    const lines = r.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain('未知的启动参数“--datadir”');
    expect(lines[0]).toContain('unknown option "--datadir"');
    expect(fs.existsSync(path.join(cwd, 'mydata'))).toBe(false);
    fs.rmSync(cwd, { recursive: true, force: true });
  });

  test('the host itself refuses an unknown flag in one line too', async () => {
    const r = spawnSync(process.execPath, [path.join(ROOT, 'dist/main/host.cjs'), '--data', '/tmp/x'], { encoding: 'utf8' });
    expect(r.status).toBe(2);
    const lines = r.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain('启动参数“--data”无法识别');
    expect(lines[0]).toContain('cannot use the option "--data"');
  });
});
