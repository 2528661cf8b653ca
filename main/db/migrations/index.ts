/** Migrations are imported statically (a bundle cannot scan folders) and run in the order listed here. */
import type { Migration, MigrationProvider } from 'kysely/migration';
import * as m0001 from './0001-initial';
import * as m0002 from './0002-duty-alarms';
import * as m0003 from './0003-warnings-reports';
import * as m0004 from './0004-notices';
import * as m0005 from './0005-alarm-log-notes';
import * as m0006 from './0006-book-of-record';
import * as m0007 from './0007-accounts-audit';
import * as m0009 from './0009-effective-from';
import * as m0010 from './0010-ledger';
import * as m0011 from './0011-list-search-indexes';
import * as m0012 from './0012-hot-indexes';
import * as m0013 from './0013-list-sort-indexes';
import * as m0014 from './0014-short-search-index';
import * as m0015 from './0015-stats-summary';
import * as m0016 from './0016-audit-address';
import * as m0017 from './0017-township-import';

const MIGRATIONS: Readonly<Record<string, Migration>> = {
  '0001-initial': m0001,
  '0002-duty-alarms': m0002,
  '0003-warnings-reports': m0003,
  '0004-notices': m0004,
  '0005-alarm-log-notes': m0005,
  '0006-book-of-record': m0006,
  '0007-accounts-audit': m0007,
  '0009-effective-from': m0009,
  '0010-ledger': m0010,
  '0011-list-search-indexes': m0011,
  '0012-hot-indexes': m0012,
  '0013-list-sort-indexes': m0013,
  '0014-short-search-index': m0014,
  '0015-stats-summary': m0015,
  '0016-audit-address': m0016,
  '0017-township-import': m0017,
};

export const migrationProvider: MigrationProvider = {
  getMigrations: () => Promise.resolve({ ...MIGRATIONS }),
};

/** The migrator runs them in name order, so the latest is the last name. */
export const LATEST_MIGRATION: string = Object.keys(MIGRATIONS).sort().at(-1)!;

/** The statistics' summaries worked out anew for the office's time zone (setting up the office, changing its zone). */
export { rebuildStatsSummary } from './0015-stats-summary';
