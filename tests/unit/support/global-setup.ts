/**
 * Vitest's global setup: one temp folder for the whole run, holding the database every test app starts from
 * (migrated once here instead of in every test) and every test's own folder; it is removed when the run ends.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { openPostgresStore, openStore } from '../../../main/db';
import { createDatabaseFor, databaseUrlOf, onPostgres } from './pg-databases';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The run's temp folder; tests make their folders inside it. */
    unitTempRoot: string;
    /** A data folder whose database holds the schema of the latest migration and nothing else. */
    migratedDataDir: string;
  }
}

export async function setup(project: TestProject): Promise<() => void> {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'petition-desk-unit-'));
  const migrated = path.join(root, 'migrated');
  // On PostgreSQL (npm run test:pg) the folder names a migrated database that each test office copies.
  if (onPostgres()) await createDatabaseFor(migrated);
  const url = databaseUrlOf(migrated);
  const store = url ? await openPostgresStore(url, migrated) : await openStore(migrated);
  await store.close();
  project.provide('unitTempRoot', root);
  project.provide('migratedDataDir', migrated);
  return () => fs.rmSync(root, { recursive: true, force: true });
}
