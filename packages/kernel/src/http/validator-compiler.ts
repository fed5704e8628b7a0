import type { FastifySchemaCompiler, FastifySchemaValidationError } from 'fastify';
import { Type, type TSchema } from 'typebox';
import { Compile } from 'typebox/compile';
import { Value } from 'typebox/value';

type Converter = (value: unknown) => unknown;

/**
 * How a request's query string, path parameters or headers become the schema's types: the strings
 * of the URL turned into the numbers and booleans the schema asks for, as TypeBox's `Value.Convert`
 * does. For a flat object schema the properties to convert are found once: a string property is
 * left as it comes, each other property present is converted on its own. Converting the whole
 * object on every request (what `@fastify/type-provider-typebox` does) rebuilt a regular
 * expression for every property of the schema each time: 5.8% of the server's CPU under the
 * benchmark's lists (bench/RESULTS.md). Other schemas (not an object, with references, pattern
 * properties or a schema for additional properties) are converted whole, as before.
 */
function converterFor(schema: TSchema): Converter {
  const whole: Converter = (value) => Value.Convert(schema, value);
  if (!Type.IsObject(schema) || 'patternProperties' in schema || JSON.stringify(schema).includes('"$ref"')) {
    return whole;
  }
  const additional = (schema as { additionalProperties?: unknown }).additionalProperties;
  if (additional !== undefined && typeof additional !== 'boolean') {
    return whole;
  }
  const converted = Object.entries(schema.properties as Record<string, TSchema>).filter(
    ([, property]) => !Type.IsString(property),
  );
  return (value) => {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      return value;
    }
    const record = value as Record<string, unknown>;
    for (const [key, property] of converted) {
      if (Object.hasOwn(record, key) && record[key] !== undefined) {
        record[key] = Value.Convert(property, record[key]);
      }
    }
    return record;
  };
}

/**
 * Fastify's validator compiler for TypeBox schemas: bodies are checked as they come (JSON already
 * has its types), the other parts converted first (converterFor), then checked by the compiled
 * schema; a failure answers TypeBox's errors, which the problem handler names field by field.
 */
export const typeBoxValidatorCompiler: FastifySchemaCompiler<TSchema> = ({ schema, httpPart }) => {
  const validator = Compile(schema);
  const convert = httpPart === 'body' ? undefined : converterFor(schema);
  return (value: unknown) => {
    const converted = convert ? convert(value) : value;
    if (validator.Check(converted)) {
      return { value: converted };
    }
    return { error: validator.Errors(converted) as FastifySchemaValidationError[] };
  };
};
