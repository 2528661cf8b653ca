/**
 * One ledger row judged with the intake rules: it comes in closed (已办结/已答复 with its 办结时间), comes in open
 * (in handling since its date), is refused with a reason the clerk can act on, or is skipped (blank, 合计).
 * Pure: everything it needs from the database is in the context.
 *
 * @example
 * const row = judgeRow({ rowNumber: 4, cells }, ctx); // { verdict: 'closed', petition: { input, closedDate: '2025-04-01', … } }
 */
import { CATEGORIES, type Category, type Channel, type LedgerField, type LedgerRowVerdict } from '../../../shared/enums';
import { enumLabel, t, type MessageKey, type MessageParams } from '../../../shared/i18n';
import { instantOf, localDateOf } from '../../../shared/time';
import { UserError } from '../errors';
import { validatePetition, type ParsedPetitionInput } from '../petitions';
import { cellText, guessChannel, guessTopicName, isFinishedResult, isFooterRow, ledgerDate, ledgerIdNumber, ledgerPhone, splitList, splitPeople, type Cell } from './cells';

export interface JudgeContext {
  readonly now: number;
  readonly timeZone: string;
  readonly collectiveThreshold: number;
  /** Field → column (1-based). */
  readonly columns: Readonly<Partial<Record<LedgerField, number>>>;
  /** The clerk's meaning of the office's words, over the importer's own guesses. */
  readonly channelWords: Readonly<Record<string, Channel>>;
  readonly topicWords: Readonly<Record<string, number | null>>;
  readonly topicByName: ReadonlyMap<string, number>;
  readonly unitByName: ReadonlyMap<string, number>;
  readonly leaderByName: ReadonlyMap<string, number>;
}

export interface ImportedPetition {
  readonly input: ParsedPetitionInput;
  readonly receivedDate: string;
  readonly closedDate: string | null;
  readonly ledgerNumber: string | null;
  readonly responsibleUnitId: number | null;
  readonly leadLeaderId: number | null;
  readonly result: string;
}

export interface JudgedRow {
  readonly rowNumber: number;
  readonly verdict: LedgerRowVerdict;
  readonly reason: string;
  readonly cells: readonly string[];
  readonly receivedDate: string;
  readonly petitioners: string;
  readonly summary: string;
  readonly petition: ImportedPetition | null;
}

class Refusal extends Error {}

function refuse(key: MessageKey, params?: MessageParams): never {
  throw new Refusal(t(key, params));
}

function columnOf(ctx: JudgeContext, cells: readonly Cell[], field: LedgerField): Cell {
  const index = ctx.columns[field];
  return index ? (cells[index - 1] ?? null) : null;
}

export function channelOf(word: string, ctx: Pick<JudgeContext, 'channelWords'>): Channel | null {
  return ctx.channelWords[word] ?? guessChannel(word);
}

export function topicOf(word: string, ctx: Pick<JudgeContext, 'topicWords' | 'topicByName'>): number | null {
  if (word in ctx.topicWords) return ctx.topicWords[word] ?? null;
  return ctx.topicByName.get(word) ?? ctx.topicByName.get(guessTopicName(word) ?? '') ?? null;
}

/** The law's three categories by the office's words; a ledger without them is 申诉求决类 item 6, the usual case. */
function categoryOf(word: string): { category: Category; claimItem: number | null } {
  if (/建议|意见/.test(word)) return { category: CATEGORIES[0], claimItem: null };
  if (/检举|控告|举报/.test(word)) return { category: CATEGORIES[1], claimItem: null };
  return { category: 'claim', claimItem: 6 };
}

function peopleCountOf(cell: Cell, named: number, fromCell: number | null): number {
  const text = cellText(cell);
  if (text === '') return Math.max(fromCell ?? 0, named, 1);
  const n = Number(text.replace(/人$/, ''));
  if (!Number.isInteger(n) || n < 1) refuse('errors.ledger.badPeopleCount', { value: text });
  return n;
}

function build(cells: readonly Cell[], ctx: JudgeContext): ImportedPetition {
  const get = (field: LedgerField) => columnOf(ctx, cells, field);
  const text = (field: LedgerField) => cellText(get(field));
  const today = localDateOf(ctx.now, ctx.timeZone);

  if (!ctx.columns.receivedAt) refuse('errors.ledger.noColumn', { field: t('ledger.field.receivedAt') });
  const received = ledgerDate(get('receivedAt'));
  if (received === null) refuse('errors.ledger.noDate');
  if (!received.ok) refuse('errors.ledger.badDate', { value: text('receivedAt') });
  if (received.date > today) refuse('errors.ledger.futureDate', { value: received.date });

  if (!ctx.columns.channel) refuse('errors.ledger.noColumn', { field: t('ledger.field.channel') });
  const channelWord = text('channel');
  if (channelWord === '') refuse('errors.ledger.noChannel');
  const channel = channelOf(channelWord, ctx);
  if (channel === null) refuse('errors.ledger.unknownChannel', { value: channelWord });

  const id = ledgerIdNumber(get('idNumber'));
  if (!id.ok) refuse('errors.ledger.idNumberAsNumber', { value: id.shown });
  const people = splitPeople(text('petitioners'));
  const ids = splitList(id.idNumber);
  const phones = splitList(text('phone'));
  const address = text('address');
  const peopleCount = peopleCountOf(get('peopleCount'), people.names.length, people.count);
  // Several named people about one matter are its representatives (Art. 20) when the group is a collective one.
  const representatives = people.names.length > 1 && people.names.length <= 5 && peopleCount >= ctx.collectiveThreshold;
  const petitioners = people.names.map((name, i) => ({
    name,
    idNumber: ids[i] ?? '',
    phone: ledgerPhone(phones[i] ?? ''),
    address,
    isRepresentative: representatives,
  }));

  const summaryText = text('summary');
  const requestText = text('request');
  if (summaryText === '' && requestText === '') refuse('errors.ledger.noMatter');
  const topicWord = text('topic');
  const result = text('result');
  const closedCell = get('closedAt');
  const closed = ledgerDate(closedCell);
  if (closed !== null && !closed.ok) refuse('errors.ledger.badClosedAt', { value: cellText(closedCell) });
  if (closed === null && isFinishedResult(result)) refuse('errors.ledger.closedWithoutDate', { value: result });
  if (closed?.ok && closed.date < received.date) refuse('errors.ledger.closedBeforeReceived', { closed: closed.date, received: received.date });
  if (closed?.ok && closed.date > today) refuse('errors.ledger.closedInFuture', { value: closed.date });

  const unitName = text('responsibleUnit');
  const leaderName = text('leadLeader');
  const responsibleUnitId = ctx.unitByName.get(unitName) ?? null;
  const leadLeaderId = ctx.leaderByName.get(leaderName) ?? null;
  // What has no field of its own in the app is kept, labelled, in the facts: nothing of the ledger is lost.
  const kept: [MessageKey, string][] = [
    ['ledger.field.topic', topicOf(topicWord, ctx) === null ? topicWord : ''],
    ['ledger.field.responsibleUnit', responsibleUnitId === null ? unitName : ''],
    ['ledger.field.leadLeader', leadLeaderId === null ? leaderName : ''],
    ['ledger.field.result', result],
    ['ledger.field.note', text('note')],
  ];
  const facts = kept.filter(([, v]) => v !== '').map(([k, v]) => `${t(k)}：${v}`);

  const input: ParsedPetitionInput = {
    channel,
    receivedAt: instantOf(received.date, ctx.timeZone),
    petitioners,
    peopleCount,
    ...categoryOf(topicWord),
    topicId: topicOf(topicWord, ctx),
    unitId: null,
    summary: (summaryText || requestText).slice(0, 200),
    request: (requestText || summaryText).slice(0, 4000),
    factsReasons: [t('ledger.factsFromLedger'), ...facts].join('\n'),
    repeatOfId: null,
  };
  try {
    validatePetition(input, ctx.now, ctx.collectiveThreshold, ctx.timeZone);
  } catch (err) {
    if (err instanceof UserError) throw new Refusal(err.message);
    throw err;
  }
  const ledgerNumber = text('ledgerNumber');
  return {
    input,
    receivedDate: received.date,
    closedDate: closed?.ok ? closed.date : null,
    ledgerNumber: ledgerNumber === '' ? null : ledgerNumber,
    responsibleUnitId,
    leadLeaderId,
    result,
  };
}

export function judgeRow(row: { readonly rowNumber: number; readonly cells: readonly Cell[] }, ctx: JudgeContext): JudgedRow {
  const cells = row.cells.map(cellText);
  const shown = {
    rowNumber: row.rowNumber,
    cells,
    receivedDate: cellText(columnOf(ctx, row.cells, 'receivedAt')),
    petitioners: cellText(columnOf(ctx, row.cells, 'petitioners')),
    summary: cellText(columnOf(ctx, row.cells, 'summary')) || cellText(columnOf(ctx, row.cells, 'request')),
  };
  if (cells.every((c) => c === '') || isFooterRow(row.cells)) return { ...shown, verdict: 'skipped', reason: '', petition: null };
  try {
    const petition = build(row.cells, ctx);
    const verdict = petition.closedDate ? 'closed' : 'open';
    return { ...shown, receivedDate: petition.receivedDate, verdict, reason: enumLabel('status', verdict === 'closed' ? 'closed' : 'in_handling'), petition };
  } catch (err) {
    if (err instanceof Refusal) return { ...shown, verdict: 'refused', reason: err.message, petition: null };
    throw err;
  }
}
