/**
 * Runs one job of sqlite-worker.ts in a worker thread and resolves with its answer. The built app finds the
 * worker bundled next to its own bundle (dist/main/sqlite-worker.cjs); tests and benchmarks run from the
 * sources find the TypeScript file, which Node 22 runs as it is.
 *
 * @example
 * const { integrity, counts } = await runWorkerJob({ op: 'snapshot', source: store.file, target: '/media/usb/copy.sqlite', edits: [] });
 * await runWorkerJob({ op: 'check', file: '/media/usb/copy.sqlite' });
 */
import fs from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { CheckResult, WorkerJob } from './sqlite-worker';
import type { MigrationMessage } from './migrate-worker';
import type { MigrationListener } from './migrate';

export type { CheckResult, CopyEdit, WorkerJob } from './sqlite-worker';

/**
 * Where the build puts a bundled worker: next to the bundle that starts it, or, for a benchmark bundle in
 * dist/bench, next to the app's bundles (`npm run bench` builds the app first).
 */
function bundled(name: string): string[] {
  return [path.join(__dirname, name), path.join(__dirname, '..', 'main', name)];
}

const WORKER_FILES = [...bundled('sqlite-worker.cjs'), path.join(__dirname, 'sqlite-worker.ts')];

function workerFile(): string {
  const found = WORKER_FILES.find((f) => fs.existsSync(f));
  if (!found) throw new Error(`The database worker is missing (looked for ${WORKER_FILES.join(', ')}); run the build.`);
  return found;
}

type Answer = { ok: true; value: unknown } | { ok: false; message: string };

export function runWorkerJob(job: WorkerJob): Promise<CheckResult> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(workerFile(), { workerData: job });
    let answered = false;
    worker.once('message', (answer: Answer) => {
      answered = true;
      if (answer.ok) resolve(answer.value as CheckResult);
      else reject(new Error(answer.message));
    });
    worker.once('error', reject);
    worker.once('exit', (code) => {
      if (!answered) reject(new Error(`The database worker stopped (exit code ${code}) before it answered.`));
    });
  });
}

/**
 * The migration worker exists only in the build (it bundles the migrations); the tests run from the sources
 * migrate on the app's own connection instead.
 */
const MIGRATE_WORKER_FILES = bundled('migrate-worker.cjs');

/**
 * Runs the pending migrations of `file` in a worker thread, telling `onMigration` before each. Resolves false,
 * having done nothing, when there is no bundled worker; rejects with the migration's error when one fails.
 */
export function migrateInWorker(file: string, onMigration?: MigrationListener): Promise<boolean> {
  const found = MIGRATE_WORKER_FILES.find((f) => fs.existsSync(f));
  if (!found) return Promise.resolve(false);
  return new Promise((resolve, reject) => {
    const worker = new Worker(found, { workerData: { file } });
    let finished = false;
    worker.on('message', (message: MigrationMessage) => {
      if (message.type === 'step') return onMigration?.(message.name, message.index, message.of);
      finished = true;
      if (message.type === 'done') resolve(true);
      else reject(new Error(message.message));
    });
    worker.once('error', reject);
    worker.once('exit', (code) => {
      if (!finished) reject(new Error(`The migration worker stopped (exit code ${code}) before it finished.`));
    });
  });
}
