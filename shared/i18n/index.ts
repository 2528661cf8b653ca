/**
 * The message catalog: zh-CN is the source, en mirrors it key for key (the compiler checks).
 * Each area of the product keeps its messages in its own file.
 *
 * @example
 * t('errors.idNumber.checkDigit', { index: 2 }) // '第2位信访人的身份证号码校验位不对，请核对后重新输入'
 */
import { common } from './common';
import { enums } from './enums';
import { errors } from './errors';
import { petitions } from './petitions';
import { admin } from './admin';
import { duty } from './duty';
import { alarms } from './alarms';
import { warnings } from './warnings';
import { reports } from './reports';
import { stats } from './stats';
import { notices } from './notices';
import { fields } from './fields';
import { security } from './security';
import { serverMode } from './server';
import { approvals, attachmentWords, limitWords } from './approvals';
import { ledger } from './ledger';
import { backups } from './backups';
import { township } from './township';
import type { AlarmLogNote } from '../enums';

const zhCN = {
  common: common.zh,
  enums: enums.zh,
  errors: errors.zh,
  petitions: petitions.zh,
  admin: admin.zh,
  duty: duty.zh,
  alarms: alarms.zh,
  warnings: warnings.zh,
  reports: reports.zh,
  stats: stats.zh,
  notices: notices.zh,
  fields: fields.zh,
  security: security.zh,
  server: serverMode.zh,
  approvals: approvals.zh,
  attachments: attachmentWords.zh,
  limits: limitWords.zh,
  ledger: ledger.zh,
  backups: backups.zh,
  township: township.zh,
};

export type Catalog = typeof zhCN;

type Widen<T> = { [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };

const en: Widen<Catalog> = {
  common: common.en,
  enums: enums.en,
  errors: errors.en,
  petitions: petitions.en,
  admin: admin.en,
  duty: duty.en,
  alarms: alarms.en,
  warnings: warnings.en,
  reports: reports.en,
  stats: stats.en,
  notices: notices.en,
  fields: fields.en,
  security: security.en,
  server: serverMode.en,
  approvals: approvals.en,
  attachments: attachmentWords.en,
  limits: limitWords.en,
  ledger: ledger.en,
  backups: backups.en,
  township: township.en,
};

export const LOCALES = ['zh-CN', 'en'] as const;
export type Locale = (typeof LOCALES)[number];

const catalogs: Record<Locale, Widen<Catalog>> = { 'zh-CN': zhCN, en };

type Paths<T, P extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${P}${K}` : Paths<T[K], `${P}${K}.`>;
}[keyof T & string];

export type MessageKey = Paths<Catalog>;
export type MessageParams = Readonly<Record<string, string | number>>;

let currentLocale: Locale = 'zh-CN';

export function setLocale(locale: Locale): void {
  currentLocale = locale;
}

export function getLocale(): Locale {
  return currentLocale;
}

function lookup(catalog: unknown, key: string): string | undefined {
  let node: unknown = catalog;
  for (const part of key.split('.')) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return typeof node === 'string' ? node : undefined;
}

export function translate(locale: Locale, key: MessageKey, params?: MessageParams): string {
  const template = lookup(catalogs[locale], key) ?? lookup(zhCN, key) ?? key;
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}

export function t(key: MessageKey, params?: MessageParams): string {
  return translate(currentLocale, key, params);
}

/** For keys built from enum values, e.g. `enumLabel('status', 'registered')`; in another locale when asked. */
export function enumLabel<G extends keyof Catalog['enums']>(group: G, value: string | number, locale: Locale = currentLocale): string {
  const table = catalogs[locale].enums[group] as Record<string, string>;
  const fallback = zhCN.enums[group] as Record<string, string>;
  return table[String(value)] ?? fallback[String(value)] ?? String(value);
}

/**
 * The note of one alarm-log step as a person reads it: how late it rang, the system's note (a code worded here),
 * then what the person who acted wrote, in that order.
 *
 * @example
 * alarmLogNoteText({ noteCode: 'no_officer', noteParams: { lateMinutes: 66 }, note: '' })
 * // '迟发66分钟（电脑关机或休眠期间到时）；无值班员在岗：已发给带班领导和管理员'
 */
export function alarmLogNoteText(entry: {
  readonly noteCode: AlarmLogNote | null;
  readonly noteParams: Readonly<Record<string, string | number>>;
  readonly note: string;
}): string {
  const { lateMinutes, ...params } = entry.noteParams;
  const parts = [
    lateMinutes !== undefined ? t('alarms.logNote.late', { minutes: lateMinutes }) : '',
    entry.noteCode ? t(`alarms.logNote.${entry.noteCode}`, params) : '',
    entry.note,
  ];
  return parts.filter(Boolean).join(t('alarms.logNote.separator'));
}
