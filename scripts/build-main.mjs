// Bundles the main-process entry points into CommonJS files that plain Node and Electron both load.
// better-sqlite3 stays external: its native binary is loaded from node_modules at run time.
import { build } from 'esbuild';

const common = {
  bundle: true,
  platform: 'node',
  target: 'node22',
  format: 'cjs',
  sourcemap: true,
  logLevel: 'warning',
  external: ['better-sqlite3', 'electron', 'playwright-core'],
  jsx: 'automatic',
  loader: { '.json': 'json' },
};

await Promise.all([
  build({ ...common, entryPoints: ['main/host/cli.ts'], outfile: 'dist/main/host.cjs' }),
  // npm run import-township: a township's SQLite file into the county's PostgreSQL database.
  build({ ...common, entryPoints: ['main/host/import-township.ts'], outfile: 'dist/main/import-township.cjs' }),
  build({ ...common, entryPoints: ['main/electron/main.ts'], outfile: 'dist/main/electron.cjs' }),
  build({ ...common, entryPoints: ['main/electron/preload.ts'], outfile: 'dist/main/preload.cjs' }),
  // The backup's database work runs in a worker thread, from its own file next to the bundles that start it.
  build({ ...common, entryPoints: ['main/db/sqlite-worker.ts'], outfile: 'dist/main/sqlite-worker.cjs' }),
  // So do the migrations at start-up, so the shell can serve the start-up screen while a large file migrates.
  build({ ...common, entryPoints: ['main/db/migrate-worker.ts'], outfile: 'dist/main/migrate-worker.cjs' }),
]);
