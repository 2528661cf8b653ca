/** What a form says when something is missing or wrong, checked with the contract's own schemas. */
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { petitionInputSchema, petitionerInputSchema } from '../../shared/api';
import { contractResolver } from '../../renderer/src/components/forms/contract-resolver';
import { chosenId } from '../../renderer/src/components/forms/form-fields';

const summary = petitionInputSchema.pick({ summary: true });

describe('form messages', () => {
  it('name the field that is empty', () => {
    expect(contractResolver(summary, { labels: { summary: '事项概要' } })({ summary: '   ' })).toEqual({ summary: '请填写事项概要' });
  });

  it('say how long a text may be, from the contract', () => {
    expect(contractResolver(summary, { labels: { summary: '事项概要' } })({ summary: '事'.repeat(201) })).toEqual({ summary: '事项概要不能超过200个字' });
  });

  it('ask for a choice that has not been made', () => {
    const unit = z.object({ unitId: chosenId });
    expect(contractResolver(unit, { labels: { unitId: '责任单位' } })({ unitId: null })).toEqual({ unitId: '请选择责任单位' });
  });

  it('put a message for one petitioner on that petitioner’s field', () => {
    const rows = z.object({ petitioners: z.array(petitionerInputSchema.extend({ name: petitionerInputSchema.shape.name.pipe(z.string().min(1)) })) });
    const errors = contractResolver(rows, { labels: { 'petitioners.*.name': '姓名' } })({ petitioners: [{ name: '张三' }, { name: '' }] });
    expect(errors).toEqual({ 'petitioners.1.name': '请填写姓名' });
  });

  it('keep a rule’s own words, and a form’s one message for a field', () => {
    const schema = z.object({ note: z.string().refine((n) => n !== '', { error: '请写明情况说明' }), minutes: z.number().int().min(1).max(1440) });
    expect(contractResolver(schema, { messages: { minutes: '请填写1到1440之间的整数' } })({ note: '', minutes: 0 })).toEqual({ note: '请写明情况说明', minutes: '请填写1到1440之间的整数' });
  });

  it('still read in Chinese where the form gave no words', () => {
    const errors = contractResolver(z.object({ count: z.number().max(3) }))({ count: 9 });
    expect(errors.count).toMatch(/[\u4e00-\u9fff]/);
  });
});
