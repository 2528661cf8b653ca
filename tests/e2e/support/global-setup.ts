/**
 * Playwright's global setup: makes the office template once per run, and removes it when the run ends.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildOfficeTemplate } from './office-template';

// eslint-disable-next-line no-restricted-syntax -- Playwright loads a global setup by its default export.
export default async function globalSetup(): Promise<() => void> {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'petition-desk-e2e-template-'));
  await buildOfficeTemplate(root);
  return () => fs.rmSync(root, { recursive: true, force: true });
}
