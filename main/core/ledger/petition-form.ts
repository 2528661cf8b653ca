/**
 * The one-page 信访事项登记表 of one petition, for the petitioner to read and sign at the counter: A4 portrait,
 * printed through the same PDF maker as notices and the register. ID numbers and phones are masked unless the
 * person chose full ones; every print is in the audit, full or not. Long text is cut to keep the form on one
 * page, and the form says so and where the whole text is.
 *
 * @example
 * const file = await printPetitionForm(core, actor, { id: 12, full: false }, makePdf);   // { fileName, base64 }
 */
import type { Db } from '../../db';
import { maskIdNumber, maskPhone } from '../../../shared/id-number';
import { enumLabel, t } from '../../../shared/i18n';
import { formatDateTime } from '../../../shared/time';
import type { Actor, Core } from '../context';
import { UserError, notFound } from '../errors';
import { appendAudit } from '../audit';
import { getOffice } from '../users';
import type { PdfMaker } from '../notices';
import { escapeHtml } from './register';

/** What fits one page beside the rest of the form; longer text is cut with a note. */
export const FORM_LIMITS = { request: 360, factsReasons: 160, petitioners: 5 } as const;

export interface PetitionForm {
  readonly title: string;
  readonly office: string;
  readonly number: string;
  readonly ledgerNumber: string | null;
  readonly receivedAt: string;
  readonly channel: string;
  readonly category: string;
  readonly peopleCount: number;
  readonly petitioners: readonly { name: string; idNumber: string; phone: string; address: string; representative: boolean }[];
  readonly morePetitioners: number;
  readonly summary: string;
  readonly request: string;
  readonly factsReasons: string;
  readonly attachments: number;
  readonly clerk: string;
  readonly printedAt: string;
}

function cut(text: string, limit: number, number: string): string {
  const chars = [...text];
  if (chars.length <= limit) return text;
  return `${chars.slice(0, limit).join('')}${t('ledger.form.cut', { count: chars.length, number })}`;
}

async function formOf(db: Db, id: number, full: boolean, now: number): Promise<PetitionForm> {
  const office = await getOffice(db);
  const p = await db
    .selectFrom('petitions')
    .leftJoin('topics', 'topics.id', 'petitions.topic_id')
    .innerJoin('users', 'users.id', 'petitions.created_by')
    .selectAll('petitions')
    .select(['topics.name as topic_name', 'users.display_name as clerk'])
    .where('petitions.id', '=', id)
    .executeTakeFirst();
  if (!p) throw notFound();
  const [people, files] = await Promise.all([
    db.selectFrom('petitioners').selectAll().where('petition_id', '=', id).orderBy('ord').execute(),
    db.selectFrom('attachments').select((eb) => eb.fn.countAll<number>().as('n')).where('petition_id', '=', id).where('removed_at', 'is', null).executeTakeFirstOrThrow(),
  ]);
  const shown = people.slice(0, FORM_LIMITS.petitioners);
  return {
    title: t('ledger.form.title', { township: office.township }),
    office: office.name,
    number: p.number,
    ledgerNumber: p.ledger_number ?? null,
    receivedAt: formatDateTime(p.received_at, office.timeZone),
    channel: enumLabel('channel', p.channel),
    category: [enumLabel('category', p.category), p.topic_name].filter(Boolean).join(' · '),
    peopleCount: p.people_count,
    petitioners: shown.map((x) => ({
      name: x.name,
      idNumber: full ? x.id_number : maskIdNumber(x.id_number),
      phone: full ? x.phone : maskPhone(x.phone),
      address: x.address,
      representative: x.is_representative === 1,
    })),
    morePetitioners: people.length - shown.length,
    summary: p.summary,
    request: cut(p.request, FORM_LIMITS.request, p.number),
    factsReasons: cut(p.facts_reasons, FORM_LIMITS.factsReasons, p.number),
    attachments: Number(files.n),
    clerk: p.clerk,
    printedAt: formatDateTime(now, office.timeZone),
  };
}

const label = (key: 'number' | 'receivedAt' | 'channel' | 'category' | 'peopleCount' | 'summary' | 'request' | 'factsReasons' | 'attachments' | 'clerk') =>
  escapeHtml(t(`ledger.form.fields.${key}`));

/** A4 portrait, one page: the facts as a ruled table, the signature lines at the foot. */
export function petitionFormHtml(f: PetitionForm): string {
  const people = f.petitioners
    .map(
      (x) => `<tr><td>${escapeHtml(x.name)}${x.representative ? `<span class="rep">${escapeHtml(t('ledger.form.representative'))}</span>` : ''}</td>` +
        `<td class="num">${escapeHtml(x.idNumber)}</td><td class="num">${escapeHtml(x.phone)}</td><td>${escapeHtml(x.address)}</td></tr>`,
    )
    .join('');
  const more = f.morePetitioners > 0 ? `<tr><td colspan="4">${escapeHtml(t('ledger.form.morePetitioners', { count: f.morePetitioners }))}</td></tr>` : '';
  const ledger = f.ledgerNumber ? `\u3000${escapeHtml(t('ledger.register.ledgerNumber', { number: f.ledgerNumber }))}` : '';
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>${escapeHtml(f.title)}</title>
<style>
@page { size: A4 portrait; margin: 18mm 18mm 16mm 18mm; }
body { margin: 0; font: 11pt "Noto Serif CJK SC", "Noto Sans CJK SC", serif; color: #000; }
h1 { font: bold 20pt "Noto Serif CJK SC", serif; text-align: center; margin: 0 0 4mm; letter-spacing: 0.15em; }
.facts { display: flex; justify-content: space-between; font-size: 10pt; margin: 0 0 2mm; }
table { width: 100%; border-collapse: collapse; table-layout: fixed; }
th, td { border: 0.3mm solid #000; padding: 1.6mm 2mm; vertical-align: top; word-break: break-all; line-height: 1.45; }
th { width: 24mm; font-weight: bold; text-align: center; vertical-align: middle; background: #f3f3f3; }
.people th { width: auto; }
.num { font-family: "Noto Sans CJK SC", sans-serif; font-size: 10pt; }
.rep { font-size: 8.5pt; margin-left: 1.5mm; border: 0.2mm solid #000; padding: 0 1mm; }
.text { min-height: 16mm; white-space: pre-wrap; }
.long { font-size: 10pt; }
.sign { display: flex; justify-content: space-between; margin-top: 12mm; font-size: 12pt; }
.sign span { display: inline-block; min-width: 40mm; border-bottom: 0.3mm solid #000; }
.note { margin-top: 6mm; font-size: 9pt; color: #333; }
.printed { margin-top: 2mm; font-size: 8pt; color: #555; text-align: right; }
</style></head>
<body>
<h1>${escapeHtml(f.title)}</h1>
<div class="facts"><span>${escapeHtml(t('ledger.register.office', { office: f.office }))}</span><span>${label('number')}：${escapeHtml(f.number)}${ledger}</span></div>
<table>
<tr><th>${label('receivedAt')}</th><td>${escapeHtml(f.receivedAt)}</td><th>${label('channel')}</th><td>${escapeHtml(f.channel)}</td></tr>
<tr><th>${label('category')}</th><td>${escapeHtml(f.category)}</td><th>${label('peopleCount')}</th><td>${escapeHtml(t('petitions.peopleCount', { count: f.peopleCount }))}</td></tr>
</table>
<table class="people" style="margin-top:-0.3mm">
<tr><th style="width:30mm">${escapeHtml(t('ledger.field.petitioners'))}</th><th style="width:46mm">${escapeHtml(t('ledger.field.idNumber'))}</th><th style="width:32mm">${escapeHtml(t('ledger.field.phone'))}</th><th>${escapeHtml(t('ledger.field.address'))}</th></tr>
${people}${more}
</table>
<table style="margin-top:-0.3mm">
<tr><th>${label('summary')}</th><td class="text">${escapeHtml(f.summary)}</td></tr>
<tr><th>${label('request')}</th><td class="text long">${escapeHtml(f.request)}</td></tr>
<tr><th>${label('factsReasons')}</th><td class="text long">${escapeHtml(f.factsReasons)}</td></tr>
<tr><th>${label('attachments')}</th><td>${escapeHtml(t('ledger.form.attachmentCount', { count: f.attachments }))}</td></tr>
<tr><th>${label('clerk')}</th><td>${escapeHtml(f.clerk)}</td></tr>
</table>
<p class="note">${escapeHtml(t('ledger.form.confirm'))}</p>
<div class="sign"><div>${escapeHtml(t('ledger.form.petitionerSign'))}<span></span></div><div>${escapeHtml(t('ledger.form.signDate'))}<span></span></div></div>
<div class="sign"><div>${escapeHtml(t('ledger.form.clerkSign'))}<span></span></div><div>${escapeHtml(t('ledger.form.signDate'))}<span></span></div></div>
<p class="printed">${escapeHtml(t('ledger.register.printedAt', { at: f.printedAt }))}</p>
</body></html>`;
}

export async function printPetitionForm(core: Core, actor: Actor, input: { id: number; full: boolean }, makePdf: PdfMaker | null): Promise<{ fileName: string; base64: string }> {
  if (!makePdf) throw new UserError('illegal_transition', 'notices.errors.noPdfMaker');
  const now = core.clock.now();
  const form = await formOf(core.db, input.id, input.full, now);
  const bytes = await makePdf(petitionFormHtml(form));
  await core.db.transaction().execute((trx) =>
    // Which petition's form left the office, and whether with full ID numbers: the look at them is what is audited.
    appendAudit(trx, { actor, at: now, action: 'ledger.form', entity: 'petition', entityId: input.id, after: { number: form.number, full: input.full } }),
  );
  return { fileName: t('ledger.form.fileName', { number: form.number }), base64: Buffer.from(bytes).toString('base64') };
}
