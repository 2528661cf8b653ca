/**
 * Issue 13's bulk zero reports, as a figure: one call recording "无情况" for a month-long sensitive period (31 days)
 * for BENCH_ZERO_UNITS units (default 25 villages; two exceptions), in one transaction with one audit entry per
 * report and one for the batch. Prints the time of the call and per report.
 */
import fs from 'node:fs';
import { performance } from 'node:perf_hooks';
import { ManualClock } from '../../main/core/context';
import { benchOffice } from './support/office';

const UNITS = Number(process.env.BENCH_ZERO_UNITS ?? 25);

async function main(): Promise<void> {
  // 2026-11-01 10:00 in Beijing: October's days are all past.
  const clock = new ManualClock(Date.UTC(2026, 10, 1, 2));
  const { app, dataDir, token, call } = await benchOffice({ clock, startScheduler: false });
  try {
    const ids: number[] = [];
    for (let i = 0; i < UNITS; i++) ids.push(Number((await call(token, 'units.create', { name: `第${i + 1}村`, kind: 'village', effectiveFrom: '2026-01-01' })).id));
    await call(token, 'duty.sensitivePeriods.create', { name: '国庆维稳', startDate: '2026-10-01', endDate: '2026-10-31', reportsFrom: '2026-10-01' });
    const periods = Array.from({ length: 31 }, (_, i) => `2026-10-${String(i + 1).padStart(2, '0')}`);
    const started = performance.now();
    const r = await call(token, 'zeroReports.submitBulk', { periods, exceptUnitIds: ids.slice(0, 2) });
    const ms = performance.now() - started;
    const recorded = Number(r.recorded);
    console.log(`zeroReports.submitBulk, ${UNITS} units × 31 days, 2 exceptions: ${recorded} reports in ${ms.toFixed(0)} ms (${(ms / recorded).toFixed(2)} ms per report)`);
  } finally {
    await app.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

void main();
