/**
 * Temp folders for unit tests, all inside the run's folder (global-setup.ts), which is removed when the run
 * ends even if a test failed before cleaning up after itself.
 *
 * @example
 * const dir = tempDir('backup');
 */
import fs from 'node:fs';
import path from 'node:path';
import { inject } from 'vitest';

export function tempDir(name: string): string {
  return fs.mkdtempSync(path.join(inject('unitTempRoot'), `${name}-`));
}

/** A fresh folder holding a copy of `from` (a data folder), for a test app of its own. */
export function copyOf(from: string, name = 'app'): string {
  const dir = tempDir(name);
  fs.cpSync(from, dir, { recursive: true });
  return dir;
}
