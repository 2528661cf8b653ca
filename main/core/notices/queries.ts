/**
 * Reading notices: the archive list (with sign-off and print counts) and one notice with its print history and
 * the actions its state and the reader's role allow. The HTML of a draft is rendered on demand; a signed
 * notice's HTML is the frozen one, byte for byte.
 *
 * @example
 * const { rows } = await listNotices(db, { kind: null, status: null, page: 1, pageSize: 50 });
 * const { html, frozen } = await noticeHtml(db, id);
 */
import { sql, type Kysely, type Selectable } from 'kysely';
import type { Database, Db, NoticeTable } from '../../db';
import type { NoticeDetail, NoticeSummary } from '../../../shared/api';
import type { NoticeStatus, Role } from '../../../shared/enums';
import { t } from '../../../shared/i18n';
import { notFound } from '../errors';
import type { NoticeKind } from './document';
import type { NoticeSubject } from './kinds';
import { documentOf, frozenHtml } from './workflow';
import { renderDocument } from './render-adapter';

type Action = NoticeDetail['allowedActions'][number];

export function allowedNoticeActions(status: NoticeStatus, supersededBy: number | null, role: Role): Action[] {
  const writer = role === 'clerk' || role === 'leader' || role === 'admin';
  if (!writer) return [];
  switch (status) {
    case 'draft':
      return ['edit', 'submit'];
    case 'submitted':
      return role === 'leader' ? ['sign', 'return'] : [];
    case 'signed':
    case 'printed':
      return supersededBy === null ? ['print', 'supersede'] : ['print'];
  }
}

async function subjectLabels(db: Kysely<Database>, rows: readonly Selectable<NoticeTable>[]): Promise<Map<number, string>> {
  const ids = (type: string) => [...new Set(rows.filter((r) => r.subject_type === type && r.subject_id !== null).map((r) => r.subject_id as number))];
  const [w, p, r] = await Promise.all([
    ids('warning').length ? db.selectFrom('warnings').select(['id', 'number']).where('id', 'in', ids('warning')).execute() : [],
    ids('petition').length ? db.selectFrom('petitions').select(['id', 'number']).where('id', 'in', ids('petition')).execute() : [],
    ids('report').length ? db.selectFrom('info_reports').select(['id', 'number']).where('id', 'in', ids('report')).execute() : [],
  ]);
  const byType = new Map<string, Map<number, string>>([
    ['warning', new Map(w.map((x) => [x.id, x.number]))],
    ['petition', new Map(p.map((x) => [x.id, x.number]))],
    ['report', new Map(r.map((x) => [x.id, x.number]))],
  ]);
  const out = new Map<number, string>();
  for (const row of rows) {
    if (row.subject_type === 'duty_month' && row.subject_month) {
      const [y, m] = row.subject_month.split('-');
      out.set(row.id, t('notices.monthSubject', { year: Number(y), month: Number(m) }));
    } else {
      out.set(row.id, byType.get(row.subject_type)?.get(row.subject_id ?? 0) ?? '');
    }
  }
  return out;
}

async function summaries(db: Kysely<Database>, rows: readonly Selectable<NoticeTable>[]): Promise<NoticeSummary[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const [users, prints, labels, replacements] = await Promise.all([
    db.selectFrom('users').select(['id', 'display_name']).execute(),
    db
      .selectFrom('notice_prints')
      .select(['notice_id', (eb) => eb.fn.countAll<number>().as('n'), (eb) => eb.fn.sum<number>('copies').as('copies'), (eb) => eb.fn.max('at').as('last')])
      .where('notice_id', 'in', ids)
      .groupBy('notice_id')
      .execute(),
    subjectLabels(db, rows),
    db.selectFrom('notices').select(['id', 'doc_number']).where('id', 'in', rows.map((r) => r.superseded_by ?? 0)).execute(),
  ]);
  const names = new Map(users.map((u) => [u.id, u.display_name]));
  const printsOf = new Map(prints.map((p) => [p.notice_id, p]));
  const numberOf = new Map(replacements.map((r) => [r.id, r.doc_number]));
  return rows.map((r) => {
    const pr = printsOf.get(r.id);
    return {
      id: r.id,
      kind: r.kind,
      status: r.status,
      title: r.title,
      docNumber: r.doc_number,
      subjectType: r.subject_type,
      subjectId: r.subject_id,
      subjectMonth: r.subject_month,
      subjectLabel: labels.get(r.id) ?? '',
      createdByName: names.get(r.created_by) ?? '',
      createdAt: r.created_at,
      signedByName: r.signed_by !== null ? (names.get(r.signed_by) ?? '') : null,
      signedAt: r.signed_at,
      printCount: Number(pr?.n ?? 0),
      copiesPrinted: Number(pr?.copies ?? 0),
      lastPrintedAt: pr?.last !== undefined && pr.last !== null ? Number(pr.last) : null,
      supersededById: r.superseded_by,
      supersededByNumber: r.superseded_by !== null ? (numberOf.get(r.superseded_by) ?? null) : null,
    };
  });
}

export interface NoticeListQuery {
  readonly kind: NoticeKind | null;
  readonly status: NoticeStatus | null;
  readonly subjectType?: NoticeSubject | null;
  readonly subjectId?: number | null;
  readonly page: number;
  readonly pageSize: number;
}

/** Drafts waiting for work first, then the newest. */
const LIST_ORDER = sql`CASE notices.status WHEN 'submitted' THEN 0 WHEN 'draft' THEN 1 ELSE 2 END`;

export async function listNotices(db: Db, q: NoticeListQuery): Promise<{ rows: NoticeSummary[]; total: number }> {
  let query = db.selectFrom('notices');
  if (q.kind !== null) query = query.where('kind', '=', q.kind);
  if (q.status !== null) query = query.where('status', '=', q.status);
  if (q.subjectType) query = query.where('subject_type', '=', q.subjectType);
  if (q.subjectId) query = query.where('subject_id', '=', q.subjectId);
  const [rows, count] = await Promise.all([
    query
      .selectAll()
      .orderBy(LIST_ORDER)
      .orderBy('updated_at', 'desc')
      .orderBy('id', 'desc')
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize)
      .execute(),
    query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst(),
  ]);
  return { rows: await summaries(db, rows), total: Number(count?.n ?? 0) };
}

export async function getNotice(db: Db, id: number, role: Role): Promise<NoticeDetail> {
  const row = await db.selectFrom('notices').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound();
  const [summary] = await summaries(db, [row]);
  if (!summary) throw notFound();
  const [prints, users, unit, supersedes] = await Promise.all([
    db.selectFrom('notice_prints').selectAll().where('notice_id', '=', id).orderBy('at', 'desc').orderBy('id', 'desc').execute(),
    db.selectFrom('users').select(['id', 'display_name']).execute(),
    row.addressee_unit_id !== null ? db.selectFrom('units').select('name').where('id', '=', row.addressee_unit_id).executeTakeFirst() : undefined,
    row.supersedes_id !== null ? db.selectFrom('notices').select('doc_number').where('id', '=', row.supersedes_id).executeTakeFirst() : undefined,
  ]);
  const names = new Map(users.map((u) => [u.id, u.display_name]));
  return {
    ...summary,
    format: row.format,
    addressee: row.addressee,
    addresseeUnitName: unit?.name ?? null,
    body: JSON.parse(row.body_json) as NoticeDetail['body'],
    note: row.note,
    copyTo: JSON.parse(row.copy_to_json) as string[],
    withheld: JSON.parse(row.withheld_json) as string[],
    sha256: row.sha256,
    submittedByName: row.submitted_by !== null ? (names.get(row.submitted_by) ?? '') : null,
    submittedAt: row.submitted_at,
    supersedesId: row.supersedes_id,
    supersedesNumber: supersedes?.doc_number ?? null,
    prints: prints.map((p) => ({ id: p.id, at: p.at, userName: names.get(p.user_id) ?? '', copies: p.copies, format: p.format, sha256: p.sha256 })),
    allowedActions: allowedNoticeActions(row.status, row.superseded_by, role),
  };
}

export async function noticeHtml(db: Db, id: number): Promise<{ html: string; frozen: boolean; sha256: string | null }> {
  const row = await db.selectFrom('notices').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound();
  if (row.frozen_html !== null) {
    const { html, hash } = await frozenHtml(db, id);
    return { html, frozen: true, sha256: hash };
  }
  return { html: await renderDocument(await documentOf(db, row, null)), frozen: false, sha256: null };
}
