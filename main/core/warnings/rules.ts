/**
 * The warning rule table: rules as data (level, description, conditions), evaluated in order; the first rule
 * whose conditions all hold gives the suggested level, and the suggestion names the rule. The defaults follow
 * DOMAIN.md and are seeded by migration 0003; the administrator edits, adds, switches off and reorders rules.
 *
 * @example
 * suggestLevel(rules, { peopleCount: 12, escalation: 'province', collectiveEventHappened: false, urgent: false }, 5)
 * // { level: 'red', ruleId: 3, ruleDescription: '有集体赴省及以上上访的可能', collectiveThreshold: 5 }
 */
import type { Kysely, Selectable } from 'kysely';
import type { Database, WarningRuleTable } from '../../db';
import type { WarningRule, WarningRuleConditions, WarningSuggestion } from '../../../shared/api';
import type { Escalation, WarningLevel } from '../../../shared/enums';
import { t } from '../../../shared/i18n';
import type { Actor, Core } from '../context';
import { UserError } from '../errors';
import { appendAudit } from '../audit';
import { getOffice } from '../users';

export interface WarningFactsValue {
  readonly peopleCount: number;
  readonly escalation: Escalation;
  readonly collectiveEventHappened: boolean;
  readonly urgent: boolean;
}

/** True when every condition the rule sets holds; a rule with no conditions always matches. */
export function ruleMatches(conditions: WarningRuleConditions, facts: WarningFactsValue, collectiveThreshold: number): boolean {
  if (conditions.collectiveEventHappened !== undefined && conditions.collectiveEventHappened !== facts.collectiveEventHappened) return false;
  if (conditions.urgent !== undefined && conditions.urgent !== facts.urgent) return false;
  if (conditions.collective !== undefined && conditions.collective !== facts.peopleCount >= collectiveThreshold) return false;
  if (conditions.escalationIn !== undefined && !conditions.escalationIn.includes(facts.escalation)) return false;
  if (conditions.minPeople !== undefined && facts.peopleCount < conditions.minPeople) return false;
  return true;
}

export function suggestLevel(rules: readonly WarningRule[], facts: WarningFactsValue, collectiveThreshold: number): WarningSuggestion {
  const ordered = [...rules].filter((r) => r.active).sort((a, b) => a.ord - b.ord || a.id - b.id);
  const hit = ordered.find((r) => ruleMatches(r.conditions, facts, collectiveThreshold));
  if (!hit) return { level: 'blue', ruleId: null, ruleDescription: t('warnings.noRuleMatched'), collectiveThreshold };
  return { level: hit.level, ruleId: hit.id, ruleDescription: hit.description, collectiveThreshold };
}

/** The level the rule table suggests for these facts, and which rule says so (the issue form shows it live). */
export async function suggestWarningLevel(db: Kysely<Database>, facts: WarningFactsValue): Promise<WarningSuggestion> {
  const office = await getOffice(db);
  return suggestLevel(await listWarningRules(db), facts, office.collectiveThreshold);
}

function toRule(r: Selectable<WarningRuleTable>): WarningRule {
  return {
    id: r.id,
    ord: r.ord,
    level: r.level,
    description: r.description,
    conditions: JSON.parse(r.conditions_json) as WarningRuleConditions,
    active: r.active === 1,
    builtIn: r.built_in === 1,
  };
}

export async function listWarningRules(db: Kysely<Database>): Promise<WarningRule[]> {
  const rows = await db.selectFrom('warning_rules').selectAll().orderBy('ord').orderBy('id').execute();
  return rows.map(toRule);
}

const isCatchAll = (c: WarningRuleConditions) => Object.values(c).every((v) => v === undefined);

export interface RuleInput {
  readonly id?: number | undefined;
  readonly level: WarningLevel;
  readonly description: string;
  readonly conditions: WarningRuleConditions;
  readonly active: boolean;
}

/**
 * Edits a rule or adds one. A new rule goes just before the first active catch-all rule (the blue "any early
 * sign" rule), where it can still match; the administrator reorders from there.
 */
export async function saveWarningRule(core: Core, actor: Actor, input: RuleInput): Promise<WarningRule> {
  const conditions = Object.fromEntries(Object.entries(input.conditions).filter(([, v]) => v !== undefined)) as WarningRuleConditions;
  const id = await core.db.transaction().execute(async (trx) => {
    const rules = await listWarningRules(trx);
    let ruleId: number;
    let before: WarningRule | null = null;
    const values = { level: input.level, description: input.description, conditions_json: JSON.stringify(conditions), active: input.active ? 1 : 0 };
    if (input.id !== undefined) {
      const existing = rules.find((r) => r.id === input.id);
      if (!existing) throw new UserError('not_found', 'errors.warnings.ruleNotFound');
      before = existing;
      if (!input.active && !rules.some((r) => r.active && r.id !== input.id)) throw UserError.field('active', 'errors.warnings.noActiveRule');
      await trx.updateTable('warning_rules').set(values).where('id', '=', input.id).execute();
      ruleId = input.id;
    } else {
      const catchAll = rules.find((r) => r.active && isCatchAll(r.conditions));
      const ord = catchAll ? catchAll.ord : Math.max(0, ...rules.map((r) => r.ord)) + 1;
      if (catchAll) await trx.updateTable('warning_rules').set((eb) => ({ ord: eb('ord', '+', 1) })).where('ord', '>=', ord).execute();
      const row = await trx.insertInto('warning_rules').values({ ...values, ord, built_in: 0 }).returning('id').executeTakeFirstOrThrow();
      ruleId = row.id;
    }
    await appendAudit(trx, {
      actor,
      at: core.clock.now(),
      action: before ? 'warningRule.update' : 'warningRule.create',
      entity: 'warning_rule',
      entityId: ruleId,
      before,
      after: { ...input, conditions },
    });
    return ruleId;
  });
  core.emit({ type: 'warnings.changed', id: null });
  const saved = (await listWarningRules(core.db)).find((r) => r.id === id);
  if (!saved) throw new UserError('not_found', 'errors.warnings.ruleNotFound');
  return saved;
}

/** Puts the rules in the given order (every rule exactly once); the first matching rule wins. */
export async function reorderWarningRules(core: Core, actor: Actor, ids: readonly number[]): Promise<WarningRule[]> {
  await core.db.transaction().execute(async (trx) => {
    const rules = await listWarningRules(trx);
    const known = new Set(rules.map((r) => r.id));
    if (ids.length !== rules.length || new Set(ids).size !== ids.length || ids.some((id) => !known.has(id))) {
      throw UserError.field('ids', 'errors.warnings.ruleOrder');
    }
    for (const [i, id] of ids.entries()) await trx.updateTable('warning_rules').set({ ord: i + 1 }).where('id', '=', id).execute();
    await appendAudit(trx, { actor, at: core.clock.now(), action: 'warningRule.reorder', entity: 'warning_rule', entityId: 'order', before: rules.map((r) => r.id), after: ids });
  });
  core.emit({ type: 'warnings.changed', id: null });
  return listWarningRules(core.db);
}
