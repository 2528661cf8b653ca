// `npm run bench`: bundles each benchmark in tests/bench/ and runs it under this Node. Benchmarks print
// figures; they never pass or fail on time.
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const files = fs.readdirSync('tests/bench').filter((f) => f.endsWith('.bench.ts'));
fs.mkdirSync('dist/bench', { recursive: true });
let failed = false;
for (const file of files) {
  const outfile = path.join('dist/bench', file.replace(/\.ts$/, '.cjs'));
  await build({
    entryPoints: [path.join('tests/bench', file)],
    outfile,
    bundle: true,
    platform: 'node',
    target: 'node22',
    format: 'cjs',
    external: ['better-sqlite3', 'electron', 'playwright-core'],
    jsx: 'automatic',
    logLevel: 'warning',
  });
  console.log(`\n## ${file}`);
  const r = spawnSync(process.execPath, [outfile], { stdio: 'inherit' });
  if (r.status !== 0) failed = true;
}
process.exit(failed ? 1 : 0);
