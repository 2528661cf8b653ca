/**
 * The warning rule table suggests a level and says which rule matched (DOMAIN.md, "Early warning"); the
 * administrator can edit it; staff may issue at another level only with a written reason, and only a leader
 * may do so. The collective threshold is the office's (default 5 people).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WarningFacts } from '../../shared/api';
import { matterOffice, warningInput, type MatterOffice } from './support/matters';
import { expectRefused } from './support/refusals';

let o: MatterOffice;
beforeAll(async () => {
  o = await matterOffice();
});
afterAll(() => o.t.close());

const facts = (f: Partial<WarningFacts>): WarningFacts => ({ peopleCount: 1, escalation: 'township', collectiveEventHappened: false, urgent: false, ...f });

describe('the default rule table', () => {
  it('is seeded with the seven rules of DOMAIN.md, red first, the blue catch-all last', async () => {
    const rules = await o.t.ok(o.clerk, 'warnings.rules.list', {});
    expect(rules.map((r) => [r.ord, r.level, r.description])).toEqual([
      [1, 'red', '已经发生群体性事件'],
      [2, 'red', '情况紧急'],
      [3, 'red', '有集体赴省及以上上访的可能'],
      [4, 'red', '有个体赴京（国家级）上访的可能'],
      [5, 'yellow', '有集体赴市上访的可能'],
      [6, 'yellow', '有个体赴省上访的可能'],
      [7, 'blue', '发现不稳定因素或信访苗头'],
    ]);
    expect(rules.every((r) => r.builtIn && r.active)).toBe(true);
    expect(rules[6]?.conditions).toEqual({});
  });

  // Each row: the facts, the level, and the rule (by its place in the table) that must be named.
  it.each([
    ['a collective event has happened (3 people, township)', facts({ peopleCount: 3, collectiveEventHappened: true }), 'red', 1],
    ['the situation is urgent (1 person)', facts({ urgent: true }), 'red', 2],
    ['collective (5 = threshold) to the province', facts({ peopleCount: 5, escalation: 'province' }), 'red', 3],
    ['collective (40) to the national level', facts({ peopleCount: 40, escalation: 'national' }), 'red', 3],
    ['individual (4, below threshold) to the national level', facts({ peopleCount: 4, escalation: 'national' }), 'red', 4],
    ['collective (5) to the city', facts({ peopleCount: 5, escalation: 'city' }), 'yellow', 5],
    ['individual (1) to the province', facts({ peopleCount: 1, escalation: 'province' }), 'yellow', 6],
    ['individual (2) to the city: only an early sign', facts({ peopleCount: 2, escalation: 'city' }), 'blue', 7],
    ['collective (30) to the county: only an early sign', facts({ peopleCount: 30, escalation: 'county' }), 'blue', 7],
    ['one person, township', facts({}), 'blue', 7],
  ] as const)('%s → %s', async (_name, f, level, ord) => {
    const rules = await o.t.ok(o.clerk, 'warnings.rules.list', {});
    const rule = rules.find((r) => r.ord === ord);
    const s = await o.t.ok(o.clerk, 'warnings.suggestion.get', f);
    expect(s.level).toBe(level);
    expect(s.ruleId).toBe(rule?.id);
    expect(s.ruleDescription).toBe(rule?.description);
    expect(s.collectiveThreshold).toBe(5);
  });

  it('counts "collective" by the office threshold: raised to 10, five people to the province are individual (yellow)', async () => {
    await o.t.ok(o.admin, 'office.update', { collectiveThreshold: 10 });
    try {
      const s = await o.t.ok(o.clerk, 'warnings.suggestion.get', facts({ peopleCount: 5, escalation: 'province' }));
      expect([s.level, s.ruleDescription, s.collectiveThreshold]).toEqual(['yellow', '有个体赴省上访的可能', 10]);
    } finally {
      await o.t.ok(o.admin, 'office.update', { collectiveThreshold: 5 });
    }
  });
});

describe('an administrator edits the table', () => {
  it('adds a rule, which goes before the catch-all and is named when it matches', async () => {
    const rule = await o.t.ok(o.admin, 'warnings.rules.create', {
      level: 'yellow',
      description: '30人以上群体赴县上访的可能',
      conditions: { escalationIn: ['county'], minPeople: 30 },
    });
    expect(rule).toMatchObject({ ord: 7, level: 'yellow', builtIn: false, active: true });
    const rules = await o.t.ok(o.clerk, 'warnings.rules.list', {});
    expect(rules.map((r) => r.ord)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(rules[7]?.description).toBe('发现不稳定因素或信访苗头');

    const thirty = await o.t.ok(o.clerk, 'warnings.suggestion.get', facts({ peopleCount: 30, escalation: 'county' }));
    expect([thirty.level, thirty.ruleId, thirty.ruleDescription]).toEqual(['yellow', rule.id, '30人以上群体赴县上访的可能']);
    // 29 people: the new rule does not hold, the catch-all does.
    expect((await o.t.ok(o.clerk, 'warnings.suggestion.get', facts({ peopleCount: 29, escalation: 'county' }))).level).toBe('blue');
  });

  it('edits a built-in rule: collective to the city becomes red', async () => {
    const rules = await o.t.ok(o.admin, 'warnings.rules.list', {});
    const city = rules.find((r) => r.description === '有集体赴市上访的可能');
    if (!city) throw new Error('rule missing');
    await o.t.ok(o.admin, 'warnings.rules.update', { id: city.id, level: 'red', description: '有集体赴市上访的可能（本镇从严）', conditions: city.conditions });
    const s = await o.t.ok(o.clerk, 'warnings.suggestion.get', facts({ peopleCount: 8, escalation: 'city' }));
    expect([s.level, s.ruleId, s.ruleDescription]).toEqual(['red', city.id, '有集体赴市上访的可能（本镇从严）']);
    await o.t.ok(o.admin, 'warnings.rules.update', { id: city.id, level: 'yellow', description: city.description, conditions: city.conditions });
  });

  it('switches a rule off: an urgent individual matter falls through to blue', async () => {
    const urgent = (await o.t.ok(o.admin, 'warnings.rules.list', {})).find((r) => r.description === '情况紧急');
    if (!urgent) throw new Error('rule missing');
    await o.t.ok(o.admin, 'warnings.rules.update', { ...urgent, active: false });
    expect((await o.t.ok(o.clerk, 'warnings.suggestion.get', facts({ urgent: true }))).level).toBe('blue');
    await o.t.ok(o.admin, 'warnings.rules.update', { ...urgent, active: true });
    expect((await o.t.ok(o.clerk, 'warnings.suggestion.get', facts({ urgent: true }))).level).toBe('red');
  });

  it('reorders: with the catch-all first, everything is blue; the order must name every rule once', async () => {
    const rules = await o.t.ok(o.admin, 'warnings.rules.list', {});
    const ids = rules.map((r) => r.id);
    const catchAll = ids[ids.length - 1] ?? 0;
    await o.t.ok(o.admin, 'warnings.rules.reorder', { ids: [catchAll, ...ids.slice(0, -1)] });
    expect((await o.t.ok(o.clerk, 'warnings.suggestion.get', facts({ collectiveEventHappened: true }))).level).toBe('blue');
    const bad = await o.t.call(o.admin, 'warnings.rules.reorder', { ids: ids.slice(1) });
    expectRefused(bad, 'invalid_input', '全部规则');
    await o.t.ok(o.admin, 'warnings.rules.reorder', { ids });
    expect((await o.t.ok(o.clerk, 'warnings.suggestion.get', facts({ collectiveEventHappened: true }))).level).toBe('red');
  });

  it('refuses unknown conditions, a clerk editing rules, and switching off the last active rule', async () => {
    const unknown = await o.t.call(o.admin, 'warnings.rules.create', { level: 'red', description: 'x', conditions: { ethnicGroup: 'x' } as never });
    expectRefused(unknown, 'invalid_input');
    const clerk = await o.t.call(o.clerk, 'warnings.rules.create', { level: 'red', description: '任何情况', conditions: {} });
    expectRefused(clerk, 'forbidden');

    const rules = await o.t.ok(o.admin, 'warnings.rules.list', {});
    for (const r of rules.slice(1)) await o.t.ok(o.admin, 'warnings.rules.update', { ...r, active: false });
    const first = rules[0];
    if (!first) throw new Error('no rule');
    const last = await o.t.call(o.admin, 'warnings.rules.update', { ...first, active: false });
    expectRefused(last, 'invalid_input', '至少要保留一条');
    for (const r of rules.slice(1)) await o.t.ok(o.admin, 'warnings.rules.update', { ...r, active: true });
  });

  it('is audited', async () => {
    const audit = await o.t.ok(o.admin, 'audit.list', { pageSize: 200 });
    const actions = new Set(audit.rows.map((r) => r.action));
    for (const a of ['warningRule.create', 'warningRule.update', 'warningRule.reorder']) expect(actions).toContain(a);
  });
});

describe('choosing another level than the suggestion', () => {
  it('needs a written reason; the message names the suggested level and the rule', async () => {
    const r = await o.t.call(o.leader, 'warnings.issue', warningInput(o, { level: 'yellow' }));
    expect(expectRefused(r, 'invalid_input').fields?.overrideReason).toBe('规则建议的等级是“红色”（有集体赴省及以上上访的可能）。选择其他等级须写明理由');
  });

  it('is a leader’s decision: a clerk with a reason is refused', async () => {
    const r = await o.t.call(o.clerk, 'warnings.issue', warningInput(o, { level: 'yellow', overrideReason: '已与村民代表达成初步共识' }));
    expectRefused(r, 'forbidden');
  });

  it('with a leader and a reason, is issued at the chosen level and keeps the suggestion and the reason', async () => {
    const w = await o.t.ok(o.leader, 'warnings.issue', warningInput(o, { level: 'yellow', overrideReason: '已与村民代表达成初步共识，赴省可能性降低' }));
    expect([w.level, w.suggestedLevel, w.suggestedRuleDescription]).toEqual(['yellow', 'red', '有集体赴省及以上上访的可能']);
    expect(w.overrideReason).toBe('已与村民代表达成初步共识，赴省可能性降低');
    expect(w.history[0]).toMatchObject({ kind: 'issue', toLevel: 'yellow', note: '已与村民代表达成初步共识，赴省可能性降低', userName: '张镇长' });
  });

  it('is not needed at the suggested level: a clerk issues it without a reason', async () => {
    const w = await o.t.ok(o.clerk, 'warnings.issue', warningInput(o, { peopleCount: 2, escalation: 'city' }));
    expect([w.level, w.suggestedLevel, w.overrideReason]).toEqual(['blue', 'blue', '']);
    // Naming the suggested level explicitly is the same thing.
    const same = await o.t.ok(o.clerk, 'warnings.issue', warningInput(o, { level: 'red' }));
    expect(same.level).toBe('red');
  });
});
