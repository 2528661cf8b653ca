import { describe, expect, it } from 'vitest';
import { handlingOpinionText, type PetitionFacts } from '../../main/core/notices/wording';
import { DECISIONS } from '../../shared/enums';

const facts: PetitionFacts = {
  timeZone: 'Asia/Shanghai',
  number: '信〔2026〕12号',
  receivedAt: Date.UTC(2026, 10, 2, 1),
  channel: 'visit',
  category: 'claim',
  claimItem: 6,
  peopleCount: 1,
  summary: '征地补偿款未发放',
  request: '要求补发征地补偿款',
  factsReasons: '补偿款只发了一半',
  names: ['张三'],
};

const bodyText = (decision: (typeof DECISIONS)[number]) =>
  handlingOpinionText(facts, { decision, note: '', basis: '' })
    .body.map((b) => ('text' in b ? b.text : ''))
    .join('\n');

describe('the handling opinion states the decision in plain Chinese', () => {
  it('supports, explains or declines, and never prints “予以不予支持”', () => {
    expect(bodyText('support')).toContain('对你（你们）的请求予以支持。');
    expect(bodyText('explain')).toContain('对你（你们）的请求予以解释说明。');
    expect(bodyText('not_support')).toContain('对你（你们）的请求不予支持。');
    for (const d of DECISIONS) expect(bodyText(d)).not.toContain('予以不予');
  });
});
