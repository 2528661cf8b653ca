/** Migrations are imported statically (a bundle cannot scan folders) and run in the order listed here. */
import type { Migration, MigrationProvider } from 'kysely/migration';
import * as m0001 from './0001-initial';
import * as m0002 from './0002-duty-alarms';
import * as m0003 from './0003-warnings-reports';
import * as m0004 from './0004-notices';
import * as m0005 from './0005-alarm-log-notes';
import * as m0010 from './0010-ledger';

const MIGRATIONS: Readonly<Record<string, Migration>> = {
  '0001-initial': m0001,
  '0002-duty-alarms': m0002,
  '0003-warnings-reports': m0003,
  '0004-notices': m0004,
  '0005-alarm-log-notes': m0005,
  '0010-ledger': m0010,
};

export const migrationProvider: MigrationProvider = {
  getMigrations: () => Promise.resolve({ ...MIGRATIONS }),
};

export const LATEST_MIGRATION = '0010-ledger';
