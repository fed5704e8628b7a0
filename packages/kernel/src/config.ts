import type { Static, TObject } from 'typebox';
import { Value } from 'typebox/value';

/** Raised when the environment does not satisfy a configuration schema. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration: ${problems.join('; ')}`);
  }
}

/**
 * Reads the variables a schema declares from the environment, applies defaults, converts
 * strings to the declared types and validates. Unknown variables are ignored.
 */
export function loadConfig<T extends TObject>(schema: T, env: NodeJS.ProcessEnv = process.env): Static<T> {
  const raw: Record<string, unknown> = {};
  for (const key of Object.keys(schema.properties)) {
    const value = env[key];
    if (value !== undefined && value !== '') {
      raw[key] = value;
    }
  }
  const withDefaults = Value.Default(schema, raw);
  const converted = Value.Convert(schema, withDefaults);
  if (Value.Check(schema, converted)) {
    return converted;
  }
  const byVariable = new Map<string, string>();
  for (const error of Value.Errors(schema, converted)) {
    if (error.keyword === 'required') {
      const missing = (error.params as { requiredProperties?: string[] }).requiredProperties ?? [];
      missing.forEach((name) => byVariable.set(name, `${name} is required`));
      continue;
    }
    const name = error.instancePath.replace(/^\//, '').split('/')[0] ?? '';
    if (!byVariable.has(name)) {
      const got = env[name];
      byVariable.set(name, `${name} ${error.message}${got === undefined ? '' : ` (got "${got}")`}`);
    }
  }
  throw new ConfigError([...byVariable.values()]);
}
