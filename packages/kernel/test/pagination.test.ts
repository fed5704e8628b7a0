import { describe, expect, it } from 'vitest';
import { decodeCursor, toJsonPage, toPage } from '../src/http/pagination.ts';

const rows = [1, 2, 3].map((n) => ({ key: `k${n}`, id: `id-${n}`, item: { n, text: `"${n}"\n é 漢字 🚀` } }));
const keyOf = (row: (typeof rows)[number]) => [row.key, row.id];

describe('pages', () => {
  it('give the same answer from JSON texts as from objects, with or without a next page', () => {
    for (const limit of [1, 2, 3, 5]) {
      const fromObjects = toPage(rows, limit, keyOf, (row) => row.item);
      const fromTexts = toJsonPage(rows, limit, keyOf, (row) => JSON.stringify(row.item));
      expect(fromTexts.toString('utf8')).toBe(JSON.stringify(fromObjects));
    }
    const page = JSON.parse(
      toJsonPage(rows, 2, keyOf, (row) => JSON.stringify(row.item)).toString('utf8'),
    ) as {
      items: unknown[];
      next_cursor: string;
    };
    expect(page.items).toEqual([rows[0]!.item, rows[1]!.item]);
    expect(decodeCursor(page.next_cursor, 2)).toEqual(['k2', 'id-2']);
    expect(toJsonPage([], 25, keyOf, () => 'x').toString('utf8')).toBe('{"items":[],"next_cursor":null}');
  });
});
