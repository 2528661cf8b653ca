/**
 * The office's notice settings: the issuing-body mark and signature, the county bureau the reports go to, and
 * the document-number prefix of each kind (信预〔2026〕3号). Stored in the meta table over these defaults.
 *
 * @example
 * const s = await getNoticeSettings(db);
 * formatDocNumber(s.prefixes.warning_notice, 2026, 3) // '信预〔2026〕3号'
 */
import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../../db';
import type { NoticeSettings } from '../../../shared/api';
import type { Actor, Core } from '../context';
import { appendAudit } from '../audit';
import { readSetting, writeSetting } from '../settings';
import { getOffice } from '../users';
import { UserError } from '../errors';
import type { NoticeKind } from './document';

const KEY = 'notice_settings';

export const DEFAULT_PREFIXES: Readonly<Record<NoticeKind, string>> = {
  warning_report: '信预报',
  warning_notice: '信预',
  supervision_notice: '信督',
  assignment_slip: '信交',
  acceptance_notice: '信受',
  non_acceptance_notice: '信不受',
  handling_opinion: '信处',
  info_report: '信息',
  info_followup: '信续',
  duty_roster: '信值',
};

/** Defaults use the office's own name, so a new office prints sensible documents before anyone opens Settings. */
export async function getNoticeSettings(db: Kysely<Database>): Promise<NoticeSettings> {
  const office = await getOffice(db);
  const defaults: NoticeSettings = {
    issuerMark: `${office.name}文件`,
    issuerName: office.name,
    countyAddressee: '县信访局',
    prefixes: { ...DEFAULT_PREFIXES },
    sealDataUrl: null,
    officePhones: [],
  };
  const stored = await readSetting(db, KEY, defaults);
  return { ...stored, prefixes: { ...DEFAULT_PREFIXES, ...stored.prefixes } };
}

export async function saveNoticeSettings(core: Core, actor: Actor, settings: NoticeSettings): Promise<NoticeSettings> {
  const prefixes = { ...DEFAULT_PREFIXES, ...settings.prefixes };
  for (const [kind, prefix] of Object.entries(prefixes)) {
    if (/[〔〕[\]0-9]/.test(prefix)) throw UserError.field(`prefixes.${kind}`, 'notices.errors.badPrefix');
  }
  if (settings.sealDataUrl !== null && !/^data:image\/png;base64,[A-Za-z0-9+/]+=*$/.test(settings.sealDataUrl)) {
    throw UserError.field('sealDataUrl', 'notices.errors.badSeal');
  }
  const next = { ...settings, prefixes };
  await core.db.transaction().execute(async (trx) => {
    const before = await getNoticeSettings(trx);
    await writeSetting(trx, KEY, next);
    // The seal itself is kept out of the audit text; its fingerprint says whether it changed.
    const brief = (x: NoticeSettings) => ({ ...x, sealDataUrl: x.sealDataUrl === null ? null : `sha256:${createHash('sha256').update(x.sealDataUrl).digest('hex')}` });
    await appendAudit(trx, { actor, at: core.clock.now(), action: 'notice.settings', entity: 'settings', entityId: 'notice', before: brief(before), after: brief(next) });
  });
  core.emit({ type: 'notices.changed', id: null });
  return next;
}

/** GB/T 9704: the year in 〔〕, the number without padding and without 第. */
export function formatDocNumber(prefix: string, year: number, seq: number): string {
  return `${prefix}〔${year}〕${seq}号`;
}
