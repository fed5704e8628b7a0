import { describe, expect, it } from 'vitest';
import { Type, type TSchema } from 'typebox';
import { Compile } from 'typebox/compile';
import { Value } from 'typebox/value';
import { typeBoxValidatorCompiler } from '../src/http/validator-compiler.ts';

/** What TypeBox's own conversion of the whole object gives: the value, or the failing paths. */
function byTypeBox(schema: TSchema, input: unknown) {
  const converted = Value.Convert(schema, structuredClone(input));
  const validator = Compile(schema);
  return validator.Check(converted)
    ? { value: converted }
    : { errors: validator.Errors(converted).map((error) => [error.instancePath, error.keyword]) };
}

function byCompiler(schema: TSchema, input: unknown, httpPart = 'querystring') {
  const validate = typeBoxValidatorCompiler({ schema, httpPart, method: 'GET', url: '/' }) as (
    value: unknown,
  ) => { value?: unknown; error?: { instancePath: string; keyword: string }[] };
  const result = validate(structuredClone(input));
  return result.error
    ? { errors: result.error.map((error) => [error.instancePath, error.keyword]) }
    : { value: result.value };
}

const Query = Type.Object(
  {
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100 })),
    hours: Type.Optional(Type.Number()),
    blocked: Type.Optional(Type.Boolean()),
    assignee: Type.Optional(Type.String({ format: 'uuid' })),
    sort: Type.Optional(Type.Union([Type.Literal('rank'), Type.Literal('due_date')])),
    q: Type.Optional(Type.String()),
  },
  { additionalProperties: false },
);

const inputs: Record<string, unknown>[] = [
  {},
  { limit: '25' },
  { limit: '25.7' },
  { limit: '0' },
  { limit: 'abc' },
  { limit: '' },
  { limit: ['1', '2'] },
  { hours: '1.5', blocked: 'true' },
  { blocked: 'false' },
  { blocked: 'yes' },
  { assignee: '3296d8cc-2c35-45e7-ab89-2ef308aaee87', sort: 'due_date' },
  { assignee: 'not-a-uuid' },
  { sort: 'priority' },
  { q: '42' },
  { q: ['a', 'b'] },
  { colour: 'red' },
  { limit: '10', colour: 'red', blocked: '1' },
];

describe('the validator compiler', () => {
  it('converts and checks a query string as TypeBox converting the whole object does', () => {
    for (const input of inputs) {
      expect(byCompiler(Query, input), JSON.stringify(input)).toEqual(byTypeBox(Query, input));
    }
  });

  it('converts an object property as TypeBox does, and other schemas whole', () => {
    const Nested = Type.Object({ page: Type.Object({ size: Type.Integer() }) });
    const Counts = Type.Object({}, { additionalProperties: Type.Integer() });
    const Either = Type.Union([Type.Object({ a: Type.Integer() }), Type.Object({ b: Type.Boolean() })]);
    const cases: [TSchema, unknown][] = [
      [Nested, { page: { size: '3' } }],
      [Nested, { page: { size: 'x' } }],
      [Counts, { open: '4', done: 'x' }],
      [Either, { a: '1' }],
      [Either, { b: 'true' }],
    ];
    for (const [schema, input] of cases) {
      expect(byCompiler(schema, input), JSON.stringify(input)).toEqual(byTypeBox(schema, input));
    }
  });

  it('checks bodies as they come: JSON already has its types', () => {
    expect(byCompiler(Query, { limit: 5 }, 'body')).toEqual({ value: { limit: 5 } });
    expect(byCompiler(Query, { limit: '5' }, 'body')).toEqual({ errors: [['/limit', 'type']] });
  });
});
