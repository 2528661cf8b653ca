/**
 * The county edition's migrations on PostgreSQL: a baseline equal to the SQLite schema after 0012, then (from
 * 0013 on) the PostgreSQL form of each later SQLite migration, under the same number, so a migration added to
 * both sets runs after the baseline here and after 0012 there.
 */
import type { Migration, MigrationProvider } from 'kysely/migration';
import * as m0012 from './0012-baseline';
import * as m0013 from './0013-list-sort-indexes';
import * as m0014 from './0014-short-search-index';
import * as m0015 from './0015-stats-summary';
import * as m0016 from './0016-audit-address';
import * as m0017 from './0017-township-import';

const MIGRATIONS: Readonly<Record<string, Migration>> = {
  '0012-baseline': m0012,
  '0013-list-sort-indexes': m0013,
  '0014-short-search-index': m0014,
  '0015-stats-summary': m0015,
  '0016-audit-address': m0016,
  '0017-township-import': m0017,
};

export const postgresMigrationProvider: MigrationProvider = {
  getMigrations: () => Promise.resolve({ ...MIGRATIONS }),
};
