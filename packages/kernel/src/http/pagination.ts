import type { FastifyReply } from 'fastify';
import { Type, type TSchema } from 'typebox';
import { ValidationError } from '../errors.ts';

/** `limit` and `cursor` query parameters of every list endpoint. */
export const PageQuery = {
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 25, description: 'Page size (1–100)' })),
  cursor: Type.Optional(Type.String({ maxLength: 500, description: 'next_cursor of the previous page' })),
};

/** `{ items, next_cursor }`, the shape of every list answer. */
export function PageOf<T extends TSchema>(item: T) {
  return Type.Object({ items: Type.Array(item), next_cursor: Type.Union([Type.String(), Type.Null()]) });
}
export interface Page<T> {
  items: T[];
  next_cursor: string | null;
}

type CursorValue = string | number | boolean | null;

/** An opaque cursor: the sort key of the last row of a page. */
export function encodeCursor(values: CursorValue[]): string {
  return Buffer.from(JSON.stringify(values)).toString('base64url');
}

export function decodeCursor(cursor: string | undefined, length: number): CursorValue[] | undefined {
  if (cursor === undefined) {
    return undefined;
  }
  try {
    const values = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
    if (Array.isArray(values) && values.length === length) {
      return values as CursorValue[];
    }
  } catch {
    // reported below
  }
  throw new ValidationError([{ field: 'cursor', message: 'is not a cursor this list gave out' }]);
}

/**
 * Turns `limit + 1` fetched rows into a page: the extra row only tells that a next page exists.
 * `keyOf` gives the sort key of a row, the same values the query compares the cursor with.
 */
export function toPage<Row, Item = Row>(
  rows: Row[],
  limit: number,
  keyOf: (row: Row) => CursorValue[],
  map: (row: Row) => Item = (row) => row as unknown as Item,
): Page<Item> {
  const { pageRows, nextCursor } = splitPage(rows, limit, keyOf);
  return { items: pageRows.map(map), next_cursor: nextCursor };
}

/**
 * The page of {@link toPage} as its JSON in UTF-8, from rows that carry each item's JSON text
 * already (built by the database: `jsonOf`). Send it with {@link sendJsonText}.
 *
 * Written straight into one buffer: built as a string, a page was copied three more times on the
 * heap (the joined items, the template flattened for its byte length, the socket's encoding of
 * the string); bench/RESULTS.md, 2026-12-06.
 */
export function toJsonPage<Row>(
  rows: Row[],
  limit: number,
  keyOf: (row: Row) => CursorValue[],
  jsonOf: (row: Row) => string,
): Buffer {
  const { pageRows, nextCursor } = splitPage(rows, limit, keyOf);
  const parts = ['{"items":['];
  pageRows.forEach((row, index) => {
    if (index > 0) {
      parts.push(',');
    }
    parts.push(jsonOf(row));
  });
  parts.push(`],"next_cursor":${JSON.stringify(nextCursor)}}`);
  let size = 0;
  for (const part of parts) {
    size += Buffer.byteLength(part);
  }
  const page = Buffer.allocUnsafe(size);
  let at = 0;
  for (const part of parts) {
    at += page.write(part, at);
  }
  return page;
}

function splitPage<Row>(rows: Row[], limit: number, keyOf: (row: Row) => CursorValue[]) {
  const hasMore = rows.length > limit;
  const pageRows = hasMore ? rows.slice(0, limit) : rows;
  const last = pageRows[pageRows.length - 1];
  return { pageRows, nextCursor: hasMore && last ? encodeCursor(keyOf(last)) : null };
}

/**
 * Answers with JSON as it is (UTF-8 bytes or text): Fastify sends it without serializing it, so
 * the route's response schema only documents it.
 */
export function sendJsonText(reply: FastifyReply, json: Buffer | string): FastifyReply {
  return reply.type('application/json; charset=utf-8').send(json);
}
