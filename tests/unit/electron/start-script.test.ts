import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';

interface StartScript {
  findElectronBinary(projectDir: string): string | null;
  FALLBACK_NOTICE: string;
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
