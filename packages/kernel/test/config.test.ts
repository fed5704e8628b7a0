import { describe, expect, it } from 'vitest';
import { Type } from 'typebox';
import { ConfigError, loadConfig } from '../src/config.ts';
import { RuntimeConfig } from '../src/runtime-config.ts';

describe('loadConfig', () => {
  it('applies defaults and converts strings to the declared types', () => {
    const config = loadConfig(RuntimeConfig, { PORT: '9000' });
    expect(config.PORT).toBe(9000);
    expect(config.DATA_DIR).toBe('./data');
    expect(config.DATABASE_URL).toBeUndefined();
  });

  it('names each bad variable and the value it got', () => {
    expect(() => loadConfig(RuntimeConfig, { PORT: 'eighty', REDIS_URL: 'localhost:6379' })).toThrowError(ConfigError);
    try {
      loadConfig(RuntimeConfig, { PORT: 'eighty', REDIS_URL: 'localhost:6379' });
    } catch (error) {
      const problems = (error as ConfigError).problems;
      expect(problems).toHaveLength(2);
      expect(problems[0]).toMatch(/^PORT .*\(got "eighty"\)$/);
      expect(problems[1]).toMatch(/^REDIS_URL /);
    }
  });

  it('reports a missing required variable by name', () => {
    const schema = Type.Object({ API_KEY: Type.String(), LIMIT: Type.Integer({ default: 5 }) });
    expect(() => loadConfig(schema, {})).toThrowError('Invalid configuration: API_KEY is required');
  });
});
