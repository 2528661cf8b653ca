/**
 * Importing a 10,000-row ledger: how long the preview (read, map, judge every row, look for duplicates), the
 * one-transaction import and the same-day undo take. The ledger is written here with exceljs (rows like
 * tests/fixtures/ledgers/big-2000.xlsx: mixed date forms, a third closed, 1% refused).
 */
import fs from 'node:fs';
import ExcelJS from 'exceljs';
import { ManualClock } from '../../main/core/context';
import { benchOffice } from './support/office';

const ROWS = Number(process.env.BENCH_LEDGER_ROWS ?? 10_000);

async function ledger(): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('2026年');
  ws.addRow(['青山镇信访事项登记台账']);
  ws.addRow(['序号', '登记日期', '信访形式', '信访人姓名', '身份证号码', '联系电话', '住址', '人数', '反映问题', '诉求', '问题类别', '办理结果', '办结时间', '备注']);
  const channels = ['来信', '来访', '来电', '网上信访'];
  for (let n = 1; n <= ROWS; n++) {
    const day = new Date(Date.UTC(2026, 0, 5 + ((n * 7) % 300)));
    const text = `${day.getUTCFullYear()}.${day.getUTCMonth() + 1}.${day.getUTCDate()}`;
    const closed = n % 3 === 0;
    ws.addRow([n, n % 100 === 0 ? '2026年13月1日' : n % 2 ? day : text, channels[n % 4], `张${n}、李${n}`, '', `138-0000-${String(n % 10_000).padStart(4, '0')}`, '青山镇', 2,
      `反映第${n}号事项`, '要求解决', '劳动保障', closed ? '已办结' : '办理中', closed ? new Date(day.getTime() + 20 * 86_400_000) : null, '']);
  }
  return Buffer.from(await wb.xlsx.writeBuffer()).toString('base64');
}

async function main(): Promise<void> {
  const clock = new ManualClock(Date.UTC(2026, 11, 1, 1, 0));
  const { app, dataDir, token, call } = await benchOffice({ clock, startScheduler: false });
  const dataBase64 = await ledger();
  const input = { fileName: 'bench.xlsx', dataBase64 };
  console.log(`ledger: ${ROWS} rows, ${(dataBase64.length * 0.75 / 1024).toFixed(0)} KB`);

  // Wall time depends on what else the machine runs; the process's own CPU time says what the import costs.
  const cpu = (since: NodeJS.CpuUsage) => {
    const used = process.cpuUsage(since);
    return `${((used.user + used.system) / 1000).toFixed(0)} ms CPU`;
  };
  let c = process.cpuUsage();
  let t = performance.now();
  const preview = (await call(token, 'ledger.imports.preview', input)) as { counts: Record<string, number> };
  console.log(`preview (read, judge, duplicates): ${(performance.now() - t).toFixed(0)} ms (${cpu(c)}) — ${JSON.stringify(preview.counts)}`);
  c = process.cpuUsage();
  t = performance.now();
  const batch = (await call(token, 'ledger.imports.create', input)) as { id: number; imported: number };
  console.log(`import of ${batch.imported} petitions in one transaction: ${(performance.now() - t).toFixed(0)} ms (${cpu(c)})`);
  c = process.cpuUsage();
  t = performance.now();
  await call(token, 'ledger.imports.remove', { id: batch.id });
  console.log(`undo of the batch: ${(performance.now() - t).toFixed(0)} ms (${cpu(c)})`);
  await app.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
}

void main();
