/**
 * 《信访工作条例》第三十条第三款: the identity of an accuser and the accusation materials are never passed to the
 * person or unit accused. A notice addressed to a unit is checked against every 检举控告类 petition that names
 * that unit (its 涉及单位): the accusers' names, ID numbers, phone numbers and addresses, and the sentences of
 * the accusation itself, may not appear in it. The fill leaves them out (and says so to the clerk); an edit that
 * puts them back is refused; sign-off checks the rendered HTML once more.
 *
 * @example
 * const guard = await accuserGuard(db, unitId);
 * guard.findIn('……张三反映……') // [{ what: 'name', petitionNumber: '信〔2026〕0003号' }]
 * guard.redact('……张三反映……')  // '……（依法保密）反映……'
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../db';
import type { BodyBlock } from './document';

export type DisclosureKind = 'name' | 'idNumber' | 'phone' | 'address' | 'material';

export interface Disclosure {
  readonly what: DisclosureKind;
  readonly petitionNumber: string;
}

export const WITHHELD_MARK = '（依法保密）';

/** Sentences shorter than this are too generic ("要求查处") to count as the accusation's own words. */
const MIN_MATERIAL_CHARS = 8;
/** A name of one character would match everywhere; Chinese names have two or more. */
const MIN_NAME_CHARS = 2;

interface Secret {
  readonly what: DisclosureKind;
  readonly text: string;
  readonly petitionNumber: string;
}

export interface AccuserGuard {
  readonly unitName: string | null;
  /** True when some accusation names the unit, so the fill must be careful. */
  readonly active: boolean;
  findIn(text: string): Disclosure[];
  redact(text: string): string;
}

/** Splits accusation text into the sentences and clauses a copy would carry over. */
export function materialPieces(text: string): string[] {
  return text
    .split(/[。！？；;!?\n\r，,、：:“”"（）()]/)
    .map((s) => s.trim())
    .filter((s) => s.length >= MIN_MATERIAL_CHARS);
}

/** Spaces and dashes a clerk might type inside a number do not hide it. */
function compact(text: string): string {
  return text.replace(/[\s-]/g, '');
}

function buildGuard(unitName: string | null, secrets: readonly Secret[]): AccuserGuard {
  return {
    unitName,
    active: secrets.length > 0,
    findIn(text) {
      const plain = compact(text);
      const found: Disclosure[] = [];
      for (const s of secrets) {
        const needle = s.what === 'idNumber' || s.what === 'phone' ? compact(s.text) : s.text;
        const haystack = s.what === 'idNumber' || s.what === 'phone' ? plain : text;
        if (needle && haystack.toUpperCase().includes(needle.toUpperCase())) {
          if (!found.some((f) => f.what === s.what && f.petitionNumber === s.petitionNumber)) found.push({ what: s.what, petitionNumber: s.petitionNumber });
        }
      }
      return found;
    },
    redact(text) {
      let out = text;
      // Longest first, so a sentence is withheld whole before a name inside it is.
      for (const s of [...secrets].sort((a, b) => b.text.length - a.text.length)) {
        if (s.what === 'idNumber' || s.what === 'phone') continue;
        out = out.split(s.text).join(WITHHELD_MARK);
      }
      for (const s of secrets) {
        if (s.what !== 'idNumber' && s.what !== 'phone') continue;
        const digits = compact(s.text);
        if (!digits) continue;
        const pattern = new RegExp(digits.split('').map((c) => c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('[\\s-]*'), 'gi');
        out = out.replace(pattern, WITHHELD_MARK);
      }
      // Withheld pieces next to each other read as one.
      return out.replace(/（依法保密）(?:[，,、；;\s]*（依法保密）)+/g, WITHHELD_MARK);
    },
  };
}

/** Everything that must not reach `unitId`; an inactive guard when the notice goes to no unit. */
export async function accuserGuard(db: Kysely<Database>, unitId: number | null): Promise<AccuserGuard> {
  if (unitId === null) return buildGuard(null, []);
  const unit = await db.selectFrom('units').select('name').where('id', '=', unitId).executeTakeFirst();
  const petitions = await db
    .selectFrom('petitions')
    .select(['id', 'number', 'request', 'facts_reasons', 'summary'])
    .where('category', '=', 'accusation')
    .where('unit_id', '=', unitId)
    .execute();
  if (petitions.length === 0) return buildGuard(unit?.name ?? null, []);
  const people = await db
    .selectFrom('petitioners')
    .select(['petition_id', 'name', 'id_number', 'phone', 'address'])
    .where(
      'petition_id',
      'in',
      petitions.map((p) => p.id),
    )
    .execute();
  const numberOf = new Map(petitions.map((p) => [p.id, p.number]));
  const secrets: Secret[] = [];
  for (const p of people) {
    const petitionNumber = numberOf.get(p.petition_id) ?? '';
    if (p.name.trim().length >= MIN_NAME_CHARS) secrets.push({ what: 'name', text: p.name.trim(), petitionNumber });
    if (p.id_number.trim()) secrets.push({ what: 'idNumber', text: p.id_number.trim(), petitionNumber });
    if (compact(p.phone).length >= 7) secrets.push({ what: 'phone', text: p.phone.trim(), petitionNumber });
    if (p.address.trim().length >= 4) secrets.push({ what: 'address', text: p.address.trim(), petitionNumber });
  }
  for (const p of petitions) {
    for (const piece of [...materialPieces(p.request), ...materialPieces(p.facts_reasons)]) {
      secrets.push({ what: 'material', text: piece, petitionNumber: p.number });
    }
  }
  return buildGuard(unit?.name ?? null, secrets);
}

/** All the text of a notice a reader sees, in one string, for the check. */
type NoticeParts = { title: string; addressee: string; body: readonly BodyBlock[]; note: string; copyTo: readonly string[] };

/** The notice's text field by field, named as the edit form names them, so a refusal can mark its field. */
export function noticeFieldTexts(parts: NoticeParts): { field: 'title' | 'addressee' | 'body' | 'note' | 'copyTo'; text: string }[] {
  const blocks = parts.body.map((b) => (b.type === 'table' ? b.rows.map((r) => r.join(' ')).join('\n') : b.text));
  return [
    { field: 'title', text: parts.title },
    { field: 'addressee', text: parts.addressee },
    { field: 'body', text: blocks.join('\n') },
    { field: 'note', text: parts.note },
    { field: 'copyTo', text: parts.copyTo.join('\n') },
  ];
}

export function noticeText(parts: NoticeParts): string {
  return noticeFieldTexts(parts)
    .map((p) => p.text)
    .join('\n');
}

export function redactBlocks(blocks: readonly BodyBlock[], guard: AccuserGuard): BodyBlock[] {
  return blocks.map((b) => (b.type === 'table' ? { type: 'table', rows: b.rows.map((r) => r.map((c) => guard.redact(c))) } : { ...b, text: guard.redact(b.text) }));
}

/** The text a browser shows for an HTML page, near enough for the check: tags dropped, entities decoded. */
export function htmlText(html: string): string {
  return html
    .replace(/<style[\s\S]*?<\/style>/gi, ' ')
    .replace(/<script[\s\S]*?<\/script>/gi, ' ')
    .replace(/<[^>]+>/g, '')
    .replace(/&nbsp;/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/&amp;/g, '&');
}
