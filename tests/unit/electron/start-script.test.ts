import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';

interface StartScript {
  findElectronBinary(projectDir: string): string | null;
  FALLBACK_NOTICE: string;
  buildStaleReason(projectDir: string): string | null;
  parseStartArgs(argv: readonly string[]): { ok: true; values: Record<string, string | boolean> } | { ok: false; message: string };
}

// Loaded by path: the script is plain JavaScript run by Node, outside the type-checked sources.
const scriptPath = path.resolve(__dirname, '../../../scripts/start.mjs');
let start: StartScript;
const dirs: string[] = [];

beforeAll(async () => {
  start = (await import(scriptPath)) as StartScript;
});

afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

function project(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'desk-start-'));
  dirs.push(dir);
  for (const [name, content] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), content);
  }
  return dir;
}

describe('scripts/start.mjs', () => {
  it('finds the binary named by path.txt', () => {
    const dir = project({ 'node_modules/electron/path.txt': 'electron', 'node_modules/electron/dist/electron': '' });
    expect(start.findElectronBinary(dir)).toBe(path.join(dir, 'node_modules', 'electron', 'dist', 'electron'));
  });

  it('falls back when path.txt is missing (the offline install)', () => {
    const dir = project({ 'node_modules/electron/package.json': '{}' });
    expect(start.findElectronBinary(dir)).toBeNull();
  });

  it('falls back when path.txt names a binary that is not there', () => {
    const dir = project({ 'node_modules/electron/path.txt': 'electron' });
    expect(start.findElectronBinary(dir)).toBeNull();
  });

  it('explains the fallback in one line, in Chinese and English', () => {
    expect(start.FALLBACK_NOTICE).not.toContain('\n');
    expect(start.FALLBACK_NOTICE).toContain('浏览器模式');
    expect(start.FALLBACK_NOTICE).toContain('browser mode');
  });

  it('does not start anything when imported', () => {
    // Importing ran no child process: had it, this test process would be waiting on it, not here.
    expect(typeof start.findElectronBinary).toBe('function');
  });
});

const OUTPUTS = ['dist/main/host.cjs', 'dist/main/electron.cjs', 'dist/main/preload.cjs', 'dist/renderer/index.html'];

/** Sets a file's modification time to `secondsAgo` seconds before now. */
function age(file: string, secondsAgo: number): void {
  const when = new Date(Date.now() - secondsAgo * 1000);
  fs.utimesSync(file, when, when);
}

describe('npm start builds only when a source is newer than the build', () => {
  function builtProject(): string {
    const dir = project({ 'main/app/index.ts': '', 'renderer/src/App.tsx': '', 'shared/time.ts': '', 'package.json': '{}', ...Object.fromEntries(OUTPUTS.map((o) => [o, ''])) });
    for (const f of ['main/app/index.ts', 'main/app', 'main', 'renderer/src/App.tsx', 'renderer/src', 'renderer', 'shared/time.ts', 'shared', 'package.json']) age(path.join(dir, f), 60);
    return dir;
  }

  it('starts at once when every output is newer than every source', () => {
    expect(start.buildStaleReason(builtProject())).toBeNull();
  });

  it('builds when a source file was edited after the build', () => {
    const dir = builtProject();
    age(path.join(dir, 'shared/time.ts'), 0);
    for (const o of OUTPUTS) age(path.join(dir, o), 30);
    expect(start.buildStaleReason(dir)).toBe('shared changed');
  });

  it('builds when an output is missing', () => {
    const dir = builtProject();
    fs.rmSync(path.join(dir, 'dist/renderer/index.html'));
    expect(start.buildStaleReason(dir)).toBe('dist/renderer/index.html is missing');
  });
});

describe('the start flags', () => {
  it('take the data folder as --data-dir DIR, --data-dir=DIR, or after an extra --', () => {
    for (const argv of [['--data-dir', './mydata'], ['--data-dir=./mydata'], ['--', '--data-dir', './mydata']]) {
      const r = start.parseStartArgs(argv);
      expect(r.ok && r.values['data-dir']).toBe('./mydata');
    }
  });

  it('refuse an unknown flag, a stray word and a port that is not a number, each in one line', () => {
    const messages = [['--datadir', 'x'], ['./mydata'], ['--port', 'abc']].map((argv) => {
      const r = start.parseStartArgs(argv);
      return r.ok ? '' : r.message;
    });
    expect(messages[0]).toContain('未知的启动参数“--datadir”');
    expect(messages[1]).toContain('多余的启动参数“./mydata”');
    expect(messages[2]).toContain('端口应为数字');
    for (const m of messages) expect(m).not.toContain('\n');
  });
});
