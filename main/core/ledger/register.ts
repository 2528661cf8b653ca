/**
 * The register (登记台账) as offices send it to the county: the petitions the list's filters select, one row each
 * with the usual columns, as an .xlsx (dates as real dates, ID numbers as text) or as A4 landscape HTML for the
 * print path notices use (title, office, date range, a header row on every page, page numbers, printed-at).
 * ID numbers and phones are masked unless the person chose full ones; every export is in the audit, full or not.
 * An accuser's identity (检举控告类) never appears in it.
 *
 * @example
 * const file = await exportRegister(core, actor, { ...listFilters, full: false, format: 'xlsx' }, makePdf);
 */
import ExcelJS from 'exceljs';
import type { Db } from '../../db';
import type { ParsedInput } from '../../../shared/api';
import { LEDGER_FIELDS, type LedgerField } from '../../../shared/enums';
import { maskIdNumber, maskPhone } from '../../../shared/id-number';
import { enumLabel, t } from '../../../shared/i18n';
import { formatChineseDate, formatDateTime, localDateOf } from '../../../shared/time';
import type { Actor, Core } from '../context';
import { UserError } from '../errors';
import { appendAudit } from '../audit';
import { getOffice } from '../users';
import type { PdfMaker } from '../notices';
import { listPetitionIds } from '../petitions';

type RegisterInput = ParsedInput<'ledger.register.export'>;

/** The register's columns: its row index and the office number, then the ledger's own fields but the old ledger number. */
type RegisterColumn = 'index' | 'number' | Exclude<LedgerField, 'ledgerNumber'>;
export const REGISTER_COLUMNS: readonly RegisterColumn[] = ['index', 'number', ...LEDGER_FIELDS.filter((f): f is Exclude<LedgerField, 'ledgerNumber'> => f !== 'ledgerNumber')];

export interface RegisterRow {
  readonly index: number;
  readonly number: string;
  /** The office's date of receipt, 'YYYY-MM-DD'. */
  readonly receivedAt: string;
  readonly channel: string;
  readonly petitioners: string;
  readonly idNumber: string;
  readonly phone: string;
  readonly address: string;
  readonly peopleCount: number;
  readonly summary: string;
  readonly request: string;
  readonly topic: string;
  readonly responsibleUnit: string;
  readonly leadLeader: string;
  readonly result: string;
  readonly closedAt: string;
  readonly note: string;
}

const CHUNK = 500;

async function registerRows(db: Db, ids: readonly number[], full: boolean, timeZone: string): Promise<RegisterRow[]> {
  const out: RegisterRow[] = [];
  for (let start = 0; start < ids.length; start += CHUNK) {
    const chunk = ids.slice(start, start + CHUNK);
    const [petitions, people, closes] = await Promise.all([
      db
        .selectFrom('petitions')
        .leftJoin('topics', 'topics.id', 'petitions.topic_id')
        .leftJoin('units', 'units.id', 'petitions.responsible_unit_id')
        .leftJoin('users', 'users.id', 'petitions.lead_leader_id')
        .selectAll('petitions')
        .select(['topics.name as topic_name', 'units.name as unit_name', 'users.display_name as leader_name'])
        .where('petitions.id', 'in', chunk)
        .execute(),
      db.selectFrom('petitioners').selectAll().where('petition_id', 'in', chunk).orderBy('petition_id').orderBy('ord').execute(),
      db.selectFrom('petition_steps').select(['petition_id', 'at', 'note']).where('petition_id', 'in', chunk).where('action', 'in', ['close', 'withdraw']).execute(),
    ]);
    const byId = new Map(petitions.map((p) => [p.id, p]));
    for (const id of chunk) {
      const p = byId.get(id);
      if (!p) continue;
      const mine = people.filter((x) => x.petition_id === id);
      const closed = closes.find((c) => c.petition_id === id);
      // Art. 30: an accuser is never named where the register may travel.
      const withheld = p.category === 'accusation';
      const names = withheld ? t('ledger.register.withheld') : mine.map((x) => x.name).join('、') + (p.people_count > mine.length ? t('ledger.register.andOthers', { count: p.people_count }) : '');
      const list = (pick: (x: (typeof mine)[number]) => string) => (withheld ? '' : mine.map(pick).filter(Boolean).join('、'));
      out.push({
        index: out.length + 1,
        number: p.number,
        receivedAt: localDateOf(p.received_at, timeZone),
        channel: enumLabel('channel', p.channel),
        petitioners: names,
        idNumber: list((x) => (full ? x.id_number : maskIdNumber(x.id_number))),
        phone: list((x) => (full ? x.phone : maskPhone(x.phone))),
        address: withheld ? '' : [...new Set(mine.map((x) => x.address).filter(Boolean))].join('；'),
        peopleCount: p.people_count,
        summary: p.summary,
        request: p.request,
        topic: p.topic_name ?? '',
        responsibleUnit: p.unit_name ?? '',
        leadLeader: p.leader_name ?? '',
        result: [...new Set([enumLabel('status', p.status), p.decision ? enumLabel('decision', p.decision) : '', closed?.note ?? ''])].filter(Boolean).join('，'),
        closedAt: closed ? localDateOf(closed.at, timeZone) : '',
        note: p.ledger_number ? t('ledger.register.ledgerNumber', { number: p.ledger_number }) : '',
      });
    }
  }
  return out;
}

const header = (c: RegisterColumn) => t(`ledger.register.columns.${c}`);

interface RegisterFacts {
  readonly title: string;
  readonly office: string;
  readonly range: string;
  readonly printedAt: string;
}

function rangeText(input: RegisterInput, timeZone: string): string {
  const from = input.receivedFrom !== null ? formatChineseDate(localDateOf(input.receivedFrom, timeZone)) : '';
  const to = input.receivedTo !== null ? formatChineseDate(localDateOf(input.receivedTo - 1, timeZone)) : '';
  if (!from && !to) return t('ledger.register.allDates');
  return t('ledger.register.range', { from: from || t('ledger.register.start'), to: to || t('ledger.register.now') });
}

const WIDTHS: Readonly<Record<RegisterColumn, number>> = {
  index: 6, number: 18, receivedAt: 12, channel: 8, petitioners: 14, idNumber: 21, phone: 15, address: 18, peopleCount: 6,
  summary: 30, request: 24, topic: 10, responsibleUnit: 14, leadLeader: 10, result: 16, closedAt: 12, note: 14,
};

async function registerXlsx(rows: readonly RegisterRow[], facts: RegisterFacts): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(t('ledger.register.sheet'), { pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 } });
  ws.columns = REGISTER_COLUMNS.map((c) => ({ key: c, width: WIDTHS[c] }));
  ws.mergeCells(1, 1, 1, REGISTER_COLUMNS.length);
  ws.getCell(1, 1).value = facts.title;
  ws.getCell(1, 1).font = { bold: true, size: 16 };
  ws.getCell(1, 1).alignment = { horizontal: 'center' };
  ws.mergeCells(2, 1, 2, REGISTER_COLUMNS.length);
  ws.getCell(2, 1).value = [t('ledger.register.office', { office: facts.office }), facts.range, t('ledger.register.printedAt', { at: facts.printedAt })].join('    ');
  const head = ws.getRow(3);
  head.values = REGISTER_COLUMNS.map(header);
  head.font = { bold: true };
  ws.views = [{ state: 'frozen', ySplit: 3 }];
  ws.pageSetup.printTitlesRow = '3:3';
  for (const r of rows) {
    const row = ws.addRow(REGISTER_COLUMNS.map((c) => {
      if (c === 'receivedAt' || c === 'closedAt') return r[c] ? new Date(`${r[c]}T00:00:00Z`) : null;
      return r[c];
    }));
    row.getCell(REGISTER_COLUMNS.indexOf('receivedAt') + 1).numFmt = 'yyyy-mm-dd';
    row.getCell(REGISTER_COLUMNS.indexOf('closedAt') + 1).numFmt = 'yyyy-mm-dd';
    // ID numbers and phones stay text: a number cell would keep only 15 digits.
    row.getCell(REGISTER_COLUMNS.indexOf('idNumber') + 1).numFmt = '@';
    row.getCell(REGISTER_COLUMNS.indexOf('phone') + 1).numFmt = '@';
  }
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

export const escapeHtml = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** A4 landscape; the table's header row repeats on every page (thead), page numbers sit in the page margin. */
export function registerHtml(rows: readonly RegisterRow[], facts: RegisterFacts): string {
  const pageText = t('ledger.register.pageNumber', { page: '" counter(page) "', pages: '" counter(pages) "' });
  const head = REGISTER_COLUMNS.map((c) => `<th class="c-${c}">${escapeHtml(header(c))}</th>`).join('');
  const body = rows.map((r) => `<tr>${REGISTER_COLUMNS.map((c) => `<td class="c-${c}">${escapeHtml(String(r[c]))}</td>`).join('')}</tr>`).join('\n');
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>${escapeHtml(facts.title)}</title>
<style>
@page { size: A4 landscape; margin: 14mm 10mm 14mm 10mm;
  @bottom-center { content: "${pageText}"; font: 9pt "Noto Serif CJK SC", "Noto Sans CJK SC", serif; }
  @bottom-right { content: "${escapeHtml(t('ledger.register.printedAt', { at: facts.printedAt }))}"; font: 8pt "Noto Sans CJK SC", sans-serif; color: #555; } }
body { margin: 0; font: 7.5pt "Noto Sans CJK SC", "Noto Serif CJK SC", sans-serif; color: #000; }
h1 { font: bold 16pt "Noto Serif CJK SC", serif; text-align: center; margin: 0 0 2mm; letter-spacing: 0.1em; }
.facts { display: flex; justify-content: space-between; margin: 0 0 2mm; font-size: 9pt; }
table { width: 100%; border-collapse: collapse; table-layout: fixed; }
thead { display: table-header-group; }
tr { break-inside: avoid; }
th, td { border: 0.3mm solid #000; padding: 0.8mm 1mm; vertical-align: top; word-break: break-all; }
th { background: #eee; font-weight: bold; text-align: center; }
.c-index { width: 6mm; } .c-number { width: 24mm; } .c-receivedAt, .c-closedAt { width: 16mm; } .c-channel { width: 12mm; }
.c-petitioners { width: 14mm; } .c-idNumber { width: 25mm; } .c-phone { width: 17mm; } .c-address { width: 14mm; }
.c-peopleCount { width: 8mm; } .c-summary { width: 35mm; } .c-request { width: 24mm; } .c-topic { width: 11mm; }
.c-responsibleUnit { width: 12mm; } .c-leadLeader { width: 12mm; } .c-result { width: 14mm; } .c-note { width: 12mm; }
</style></head>
<body>
<h1>${escapeHtml(facts.title)}</h1>
<div class="facts"><span>${escapeHtml(t('ledger.register.office', { office: facts.office }))}</span><span>${escapeHtml(facts.range)}</span><span>${escapeHtml(t('ledger.register.count', { count: rows.length }))}</span></div>
<table><thead><tr>${head}</tr></thead>
<tbody>
${body}
</tbody></table>
</body></html>`;
}

export async function exportRegister(core: Core, actor: Actor, input: RegisterInput, makePdf: PdfMaker | null): Promise<{ fileName: string; base64: string; count: number }> {
  const office = await getOffice(core.db);
  const now = core.clock.now();
  if (input.format === 'pdf' && !makePdf) throw new UserError('illegal_transition', 'notices.errors.noPdfMaker');
  const ids = await listPetitionIds(core.db, input, now);
  const rows = await registerRows(core.db, ids, input.full, office.timeZone);
  const facts: RegisterFacts = {
    title: t('ledger.register.title', { township: office.township }),
    office: office.name,
    range: rangeText(input, office.timeZone),
    printedAt: formatDateTime(now, office.timeZone),
  };
  const bytes = input.format === 'xlsx' ? await registerXlsx(rows, facts) : await (makePdf as PdfMaker)(registerHtml(rows, facts));
  await core.db.transaction().execute((trx) =>
    appendAudit(trx, {
      actor,
      at: now,
      action: 'ledger.export',
      entity: 'register',
      entityId: '',
      // Which numbers left the office, and whether in full: the look at full ID numbers is what is audited.
      after: { format: input.format, full: input.full, count: rows.length, query: input.query, statuses: input.statuses, receivedFrom: input.receivedFrom, receivedTo: input.receivedTo },
    }),
  );
  return { fileName: `${facts.title}.${input.format}`, base64: Buffer.from(bytes).toString('base64'), count: rows.length };
}
