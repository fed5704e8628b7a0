import { describe, expect, it } from 'vitest';
import { titleWordsOf } from '../src/data/search-words.ts';

// The texts are websearch_to_tsquery('english', …)::text of the searches named.
describe('the title words that narrow a search', () => {
  it('are every word a title needs, longest first', () => {
    expect(titleWordsOf("'slow' & 'login'")).toEqual({ words: ['login', 'slow'], any: false });
    // `-api zebra`: a title without `api` still needs `zebra`.
    expect(titleWordsOf("!'api' & 'zebra'")).toEqual({ words: ['zebra'], any: false });
    // "slow login" as a phrase, and a word with a quote in it.
    expect(titleWordsOf("'slow' <-> 'login' & 'it''s'")).toEqual({
      words: ['login', "it's", 'slow'],
      any: false,
    });
    expect(titleWordsOf("'a' & 'bb' & 'ccc' & 'dddd'")).toEqual({ words: ['dddd', 'ccc', 'bb'], any: false });
  });

  it('are one word of each alternative of a search with `or`', () => {
    expect(titleWordsOf("'gateway' | 'sprint'")).toEqual({ words: ['gateway', 'sprint'], any: true });
    expect(titleWordsOf("'slow' & 'login' | 'payment'")).toEqual({ words: ['payment', 'login'], any: true });
    // `login or slow login`: every match holds `login`.
    expect(titleWordsOf("'login' | 'slow' & 'login'")).toEqual({ words: ['login'], any: false });
    expect(titleWordsOf("'api' & !'zebra' | 'cooki'")).toEqual({ words: ['cooki', 'api'], any: true });
    // A bar inside a quoted word separates nothing.
    expect(titleWordsOf("'a|b' | 'c'")).toEqual({ words: ['a|b', 'c'], any: true });
  });

  it('are none when no set of words finds every match', () => {
    expect(titleWordsOf("!'api' | 'zebra'")).toEqual({ words: [], any: false });
    expect(titleWordsOf("!'api'")).toEqual({ words: [], any: false });
    expect(titleWordsOf("'x' | 'y' | 'z' | 'w'")).toEqual({ words: [], any: false });
    expect(titleWordsOf("!( 'slow' <-> 'login' ) & 'cach'")).toEqual({ words: [], any: false });
    expect(titleWordsOf('')).toEqual({ words: [], any: false });
  });
});
