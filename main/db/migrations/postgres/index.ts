/**
 * The county edition's migrations on PostgreSQL: a baseline equal to the SQLite schema after 0012, then (from
 * 0013 on) the PostgreSQL form of each later SQLite migration, under the same number, so a migration added to
 * both sets runs after the baseline here and after 0012 there.
 */
import type { Migration, MigrationProvider } from 'kysely/migration';
import * as m0012 from './0012-baseline';

const MIGRATIONS: Readonly<Record<string, Migration>> = {
  '0012-baseline': m0012,
};

export const postgresMigrationProvider: MigrationProvider = {
  getMigrations: () => Promise.resolve({ ...MIGRATIONS }),
};
