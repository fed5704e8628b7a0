/** `{ items, next_cursor }`: the answer of every list endpoint (keyset pagination, ADR 0002). */
export interface Page<T> {
  items: T[];
  next_cursor: string | null;
}

type QueryValue = string | number | boolean | null | undefined;

/** `path?name=value&…`, leaving out empty values so defaults apply on the server. */
export function withQuery(path: string, query: Record<string, QueryValue> = {}): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') {
      params.set(name, String(value));
    }
  }
  const text = params.toString();
  return text ? `${path}?${text}` : path;
}

/** Every item of a list, page after page; for small lists a screen needs whole (members, teams). */
export async function collectPages<T>(
  fetchPage: (cursor: string | undefined) => Promise<Page<T>>,
  maxPages = 20,
): Promise<T[]> {
  const items: T[] = [];
  let cursor: string | undefined;
  for (let page = 0; page < maxPages; page++) {
    const result = await fetchPage(cursor);
    items.push(...result.items);
    if (!result.next_cursor) {
      break;
    }
    cursor = result.next_cursor;
  }
  return items;
}

/** A path segment from an id, so a crafted id cannot reach another route. */
export function seg(id: string): string {
  return encodeURIComponent(id);
}
