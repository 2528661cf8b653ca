/**
 * Warnings and reports describe matters, never people (DOMAIN.md, "What this product does not do"): no ID
 * numbers or phone numbers, no record of anyone's location or movements, nothing for stopping or
 * intercepting people who petition, nothing about religion, ethnicity or belief. This guard fails if such a
 * field appears in the API schemas of warnings, warning rules, information reports and zero reports, or in
 * their tables, and checks that a number typed into their text is refused and that a linked petition's
 * personal numbers never come out through them.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { z } from 'zod';
import { contract } from '../../shared/api';
import { looksLikePersonalNumber } from '../../shared/privacy';
import { at } from './support/test-app';
import { matterOffice, type MatterOffice } from './support/matters';
import { expectRefused } from './support/refusals';

// Written out here, not imported, so that weakening it takes an edit to this test.
const FORBIDDEN = /id_?number|phone|mobile|身份证|电话|location|gps|track|movement|intercept|religion|ethnic|belief|民族|宗教|信仰/i;

const GUARDED_PREFIXES = ['warnings.', 'warningRules.', 'reports.', 'zeroReports.'];
const GUARDED_TABLES = ['warnings', 'warning_events', 'warning_links', 'warning_rules', 'info_reports', 'report_steps', 'zero_reports'];

interface Def {
  readonly type: string;
  readonly shape?: Record<string, z.ZodType>;
  readonly element?: z.ZodType;
  readonly innerType?: z.ZodType;
  readonly options?: readonly z.ZodType[];
  readonly in?: z.ZodType;
  readonly out?: z.ZodType;
  readonly keyType?: z.ZodType;
  readonly valueType?: z.ZodType;
  readonly left?: z.ZodType;
  readonly right?: z.ZodType;
  readonly items?: readonly z.ZodType[];
  readonly getter?: () => z.ZodType;
}

/** Every object key anywhere inside a schema, with its path: through objects, arrays, unions, wrappers and records. */
function fieldNames(schema: z.ZodType, path = '', seen = new Set<z.ZodType>()): string[] {
  if (seen.has(schema)) return [];
  seen.add(schema);
  const def = (schema as unknown as { _zod: { def: Def } })._zod.def;
  const inner = (s: z.ZodType | undefined, p = path) => (s ? fieldNames(s, p, seen) : []);
  switch (def.type) {
    case 'object':
      return Object.entries(def.shape ?? {}).flatMap(([key, value]) => [`${path}${key}`, ...inner(value, `${path}${key}.`)]);
    case 'array':
      return inner(def.element, `${path}[].`);
    case 'union':
      return (def.options ?? []).flatMap((o) => inner(o));
    case 'pipe':
      return [...inner(def.in), ...inner(def.out)];
    case 'record':
      return [...inner(def.keyType), ...inner(def.valueType, `${path}*.`)];
    case 'intersection':
      return [...inner(def.left), ...inner(def.right)];
    case 'tuple':
      return (def.items ?? []).flatMap((i) => inner(i));
    case 'lazy':
      return inner(def.getter?.());
    default:
      return def.innerType ? inner(def.innerType) : [];
  }
}

const guarded = Object.entries(contract).filter(([name]) => GUARDED_PREFIXES.some((p) => name.startsWith(p)));

describe('the API schemas of warnings and reports', () => {
  it('covers the procedures it should', () => {
    const names = guarded.map(([name]) => name);
    for (const n of ['warnings.issue', 'warnings.get', 'warnings.feedback.create', 'warnings.rules.create', 'reports.create', 'reports.get', 'zeroReports.grid.get']) {
      expect(names).toContain(n);
    }
  });

  it('the walker finds fields however deeply they are nested (so the guard below means something)', () => {
    const probe = z.object({
      list: z.array(z.object({ contact: z.object({ mobilePhone: z.string() }) })).default([]),
      choice: z.discriminatedUnion('kind', [z.object({ kind: z.literal('a'), gpsTrack: z.string() })]).nullable(),
    });
    const names = fieldNames(probe);
    expect(names).toContain('list.[].contact.mobilePhone');
    expect(names).toContain('choice.gpsTrack');
    expect(names.filter((n) => FORBIDDEN.test(n.split('.').pop() ?? ''))).toEqual(['list.[].contact.mobilePhone', 'choice.gpsTrack']);
  });

  it.each(guarded)('%s has no field for personal numbers, movements, interception or belief', (_name, procedure) => {
    const names = [...fieldNames(procedure.input), ...fieldNames(procedure.output)];
    const bad = names.filter((n) => FORBIDDEN.test(n.split('.').pop() ?? ''));
    expect(bad).toEqual([]);
  });

  it('still describes the matter (the walker saw the real fields)', () => {
    const issue = fieldNames(contract['warnings.issue'].input);
    for (const f of ['title', 'grievance', 'peopleCount', 'escalation', 'collectiveEventHappened', 'resolutionSteps']) expect(issue).toContain(f);
    const detail = fieldNames(contract['reports.get'].output);
    for (const f of ['content', 'demands', 'chain.[].number', 'warnings.[].level']) expect(detail).toContain(f);
  });
});

describe('their tables', () => {
  let o: MatterOffice;
  beforeAll(async () => {
    o = await matterOffice();
  });
  afterAll(() => o.t.close());

  it.each(GUARDED_TABLES)('%s has no such column', async (table) => {
    const cols = (await sql<{ name: string }>`SELECT name FROM pragma_table_info(${table})`.execute(o.t.app.core.db)).rows.map((r) => r.name);
    expect(cols.length).toBeGreaterThan(0);
    expect(cols.filter((c) => FORBIDDEN.test(c))).toEqual([]);
  });

  it('a petitioner’s ID number and phone never come out through a linked warning or report', async () => {
    const petition = await o.t.ok(o.clerk, 'petitions.create', {
      channel: 'visit',
      receivedAt: at('2026-11-02 08:30'),
      petitioners: [{ name: '张三', idNumber: '11010519491231002X', phone: '13912345678', address: '东风村3组' }],
      peopleCount: 1,
      category: 'claim',
      claimItem: 6,
      summary: '反映征地补偿款未足额发放',
      request: '要求补发',
    });
    const report = await o.t.ok(o.clerk, 'reports.create', {
      unitId: o.units.dongfeng,
      type: 'dispute',
      severity: 'general',
      foundAt: at('2026-11-02 08:00'),
      summary: '东风村征地补偿纠纷',
      content: '村民对补偿标准有异议',
      petitionId: petition.id,
    });
    const warning = await o.t.ok(o.clerk, 'warnings.issue', {
      title: '东风村征地补偿争议',
      unitId: o.units.dongfeng,
      peopleCount: 1,
      escalation: 'county',
      grievance: '村民对补偿标准有异议',
      petitionIds: [petition.id],
      reportIds: [report.id],
      responsibleUnitId: o.units.dongfeng,
      leadLeaderId: o.leaderId,
    });
    const out = JSON.stringify([
      warning,
      await o.t.ok(o.clerk, 'warnings.list', {}),
      await o.t.ok(o.clerk, 'reports.get', { id: report.id }),
      await o.t.ok(o.clerk, 'reports.list', {}),
    ]);
    expect(out).toContain('东风村征地补偿争议');
    // Not even in the masked form the petition list uses (1101**********002X, 139****5678).
    for (const secret of ['11010519491231002X', '13912345678', '002X', '139****5678']) expect(out).not.toContain(secret);
  });

  it('refuses an ID number or phone number typed into a warning, and says which field', async () => {
    const base = {
      title: '东风村征地补偿争议',
      unitId: o.units.dongfeng,
      peopleCount: 1,
      escalation: 'county' as const,
      grievance: '村民对补偿标准有异议',
      responsibleUnitId: o.units.dongfeng,
      leadLeaderId: o.leaderId,
    };
    const id = await o.t.call(o.clerk, 'warnings.issue', { ...base, grievance: '带头人（身份证11010519491231002X）' });
    expect(expectRefused(id, 'invalid_input').fields?.grievance).toBe('“反映的问题和诉求”中有像身份证号码或电话号码的内容。预警只针对事项，不记录个人号码，请删除后再保存');
    const phone = await o.t.call(o.clerk, 'warnings.issue', { ...base, title: '联系人电话 0571-88880000' });
    expect(Object.keys(expectRefused(phone, 'invalid_input').fields ?? {})).toEqual(['title']);
    const w = await o.t.ok(o.clerk, 'warnings.issue', base);
    const feedback = await o.t.call(o.clerk, 'warnings.feedback.create', { id: w.id, content: '已联系，手机 139 1234 5678' });
    expect(Object.keys(expectRefused(feedback, 'invalid_input').fields ?? {})).toEqual(['content']);
  });

  it('tells numbers about the matter from personal numbers', () => {
    for (const text of ['涉及46户，补偿款共计1200000元', '2026年11月2日8时30分', '约300亩土地', '文号〔2026〕12号', '12345678901234567890']) {
      expect(looksLikePersonalNumber(text), text).toBe(false);
    }
    for (const text of ['13912345678', '+86 139-1234-5678', '11010519491231002X', '电话0571-88880000']) {
      expect(looksLikePersonalNumber(text), text).toBe(true);
    }
  });
});
