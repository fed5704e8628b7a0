import { describe, expect, it } from 'vitest';
import { toCsv } from './csv.ts';

describe('toCsv', () => {
  it('quotes per RFC 4180 and defuses formulas', () => {
    const csv = toCsv(
      ['a', 'b'],
      [
        ['say "hi", then\nleave', 1.5],
        ['=HYPERLINK("x")', -2],
        ['@sum', null],
      ],
    );
    expect(csv).toBe('\uFEFFa,b\r\n"say ""hi"", then\nleave",1.5\r\n"\'=HYPERLINK(""x"")",-2\r\n\'@sum,\r\n');
  });
});
