/**
 * The clerk edits a notice body as plain lines. What the fill made must come back unchanged after an edit that
 * changes nothing (headings stay headings, numbered steps stay paragraphs, tables stay where they were).
 */
import { describe, expect, it } from 'vitest';
import type { NoticeBodyBlock } from '../../shared/api';
import { blocksToRuns, headingLevelOf, runsToBlocks, textToBlocks } from '../../renderer/src/components/notices/body-text';

describe('notice body as text', () => {
  it('reads heading numbers of the four levels, but not sentences that start with a number', () => {
    expect(['一、基本情况', '（二）化解要求', '3. 反馈时限', '（4）其他'].map(headingLevelOf)).toEqual([1, 2, 3, 4]);
    expect(headingLevelOf('1. 听取诉求。')).toBeNull();
    expect(headingLevelOf('经研判，达到红色预警。')).toBeNull();
    expect(headingLevelOf(`一、${'很长的一段话'.repeat(8)}`)).toBeNull();
  });

  it('gives back the blocks it was given, tables in place', () => {
    const blocks: NoticeBodyBlock[] = [
      { type: 'paragraph', text: '现将有关事项通知如下：' },
      { type: 'heading', level: 1, text: '一、基本情况' },
      { type: 'paragraph', text: '1. 听取诉求。' },
      { type: 'table', rows: [['日期', '值班员'], ['12月1日', '李登记']] },
      { type: 'paragraph', text: '特此通知。' },
    ];
    const runs = blocksToRuns(blocks);
    expect(runs.map((r) => r.kind)).toEqual(['text', 'table', 'text']);
    expect(runsToBlocks(runs)).toEqual(blocks);
  });

  it('drops blank lines and trims each line', () => {
    expect(textToBlocks('  第一段。 \n\n\n第二段。')).toEqual([
      { type: 'paragraph', text: '第一段。' },
      { type: 'paragraph', text: '第二段。' },
    ]);
  });
});
