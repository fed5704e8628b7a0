import { describe, expect, it } from 'vitest';
import { formatRate, parseCurrency, parseRate } from './rate-input.ts';

describe('parseRate', () => {
  it.each([
    ['85', 85],
    ['85.5', 85.5],
    ['85,50', 85.5],
    [' 0 ', 0],
    ['99999999.99', 99_999_999.99],
  ])('reads %s as %d', (text, value) => {
    expect(parseRate(text)).toEqual({ value });
  });

  it.each([
    ['', 'Enter the hourly rate'],
    ['-1', "A rate can't be negative"],
    ['- 5', "A rate can't be negative"],
    ['12.345', 'Type an amount like 85 or 85.50'],
    ['1e3', 'Type an amount like 85 or 85.50'],
    ['ten', 'Type an amount like 85 or 85.50'],
    ['123456789', 'Type an amount like 85 or 85.50'],
  ])('refuses %j: %s', (text, error) => {
    expect(parseRate(text)).toEqual({ error });
  });
});

describe('parseCurrency', () => {
  it('upper-cases a three-letter code', () => {
    expect(parseCurrency(' eur ')).toEqual({ value: 'EUR' });
  });

  it.each(['', 'EU', 'EURO', 'E1R'])('refuses %j', (text) => {
    expect(parseCurrency(text)).toHaveProperty('error');
  });
});

describe('formatRate', () => {
  it('formats the amount in its currency, per hour', () => {
    expect(formatRate(85.5, 'USD', 'en-US')).toBe('$85.50 / h');
    expect(formatRate(1200, 'EUR', 'en-US')).toBe('€1,200.00 / h');
  });
});
