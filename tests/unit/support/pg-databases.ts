/**
 * The unit tests on PostgreSQL (`npm run test:pg`, which sets PETITION_DESK_DATABASE_URL): each test office is a
 * database of its own on the run's throwaway server, as on SQLite it is a file of its own. A data folder names its
 * database in a small file, so copying an office (a template, the migrated database) is copying the folder and
 * creating its database from the other as a template, which PostgreSQL does by copying files: as fast as a copy.
 * Without the variable every function here leaves SQLite alone.
 *
 * @example
 * const dir = copyOf(from);
 * await copyDatabaseOf(from, dir);
 * const app = await openApp({ dataDir: dir, databaseUrl: databaseUrlOf(dir) });
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { DATABASE_URL_ENV } from '../../../main/db';

/** The run's database, from which the others are named; null when the tests run on SQLite. */
export const SERVER_URL: string | null = process.env[DATABASE_URL_ENV] || null;

/** The file in a data folder that names the folder's database. */
const NAME_FILE = 'pg-database';

export function onPostgres(): boolean {
  return SERVER_URL !== null;
}

/** The URL of another database on the run's server. */
export function databaseUrl(name: string): string {
  if (!SERVER_URL) throw new Error(`${DATABASE_URL_ENV} is not set`);
  const url = new URL(SERVER_URL);
  url.pathname = `/${name}`;
  return url.toString();
}

async function onServer<T>(run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: SERVER_URL ?? '' });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

function quoted(name: string): string {
  if (!/^[a-z0-9_]+$/.test(name)) throw new Error(`not a database name the tests make: ${name}`);
  return `"${name}"`;
}

/** Creates a database (from a template when given) and names it in the data folder. */
export async function createDatabaseFor(dataDir: string, template: string | null = null): Promise<string> {
  const name = `office_${randomBytes(6).toString('hex')}`;
  await onServer((c) => c.query(`CREATE DATABASE ${quoted(name)}${template ? ` TEMPLATE ${quoted(template)}` : ''}`));
  fs.mkdirSync(dataDir, { recursive: true });
  fs.writeFileSync(path.join(dataDir, NAME_FILE), name);
  return name;
}

/** The database a data folder names, or null (SQLite, or a folder without one). */
export function databaseOf(dataDir: string): string | null {
  if (!onPostgres()) return null;
  const file = path.join(dataDir, NAME_FILE);
  return fs.existsSync(file) ? fs.readFileSync(file, 'utf8').trim() : null;
}

/** The URL `openApp` takes for a data folder: its database on PostgreSQL, null on SQLite. */
export function databaseUrlOf(dataDir: string): string | null {
  const name = databaseOf(dataDir);
  return name ? databaseUrl(name) : null;
}

/** After copying folder `from` to `to`: `to` gets a database copied from `from`'s (PostgreSQL only). */
export async function copyDatabaseOf(from: string, to: string): Promise<void> {
  const template = databaseOf(from);
  if (template) await createDatabaseFor(to, template);
}

/** Drops a folder's database (PostgreSQL only); the folder itself is the caller's. */
export async function dropDatabaseOf(dataDir: string): Promise<void> {
  const name = databaseOf(dataDir);
  if (name) await onServer((c) => c.query(`DROP DATABASE IF EXISTS ${quoted(name)}`));
}
