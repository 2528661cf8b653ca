/**
 * How a search box's text splits into words: by spaces, a full-width space, commas (half- and full-width), 、
 * and semicolons. The core matches petitions holding every word; the list marks the same words in its cells.
 *
 * @example
 * searchWords('李强\u3000拖欠,工资');   // ['李强', '拖欠', '工资']
 */
export function searchWords(text: string): string[] {
  return text.split(/[\s\u3000,，、；;]+/).filter((w) => w.length > 0);
}
