import { describe, expect, it } from 'vitest';
import { AUTHORITY_FACTS } from '@wales-lac/wales';
import { availableParallelism } from 'node:os';
import { boolean, ConfigurationError, httpUrl, integer, perAuthority, postgresUrl, required, workerCount } from './env.ts';

const all = (prefix: string) => Object.fromEntries(AUTHORITY_FACTS.map((a) => [`${prefix}${a.code}`, `http://h/${a.code}`]));

describe('settings', () => {
  it('names what is missing or wrong', () => {
    expect(() => required({ A: '' }, 'A')).toThrow(new ConfigurationError('A is required'));
    expect(() => integer({ N: '1.5' }, 'N', 1, 0, 9)).toThrow("N must be a whole number from 0 to 9, got '1.5'");
    expect(integer({}, 'N', 7, 0, 9)).toBe(7);
    expect(() => boolean({ B: 'yes' }, 'B', true)).toThrow("B must be one of true, false, got 'yes'");
    expect(() => httpUrl({ U: 'ftp://x' }, 'U')).toThrow("U must be an http(s) URL, got 'ftp://x'");
  });

  it('never repeats a database URL, which may hold a password', () => {
    expect(() => postgresUrl({ D: 'mysql://u:secret@h/d' }, 'D')).toThrow(/^D must be a postgres:\/\/ URL$/);
  });

  it('wants one value per authority and refuses codes that are not Welsh', () => {
    expect(perAuthority(all('X_'), 'X_', required).size).toBe(22);
    const { X_W06000001: _dropped, ...missing } = all('X_');
    expect(() => perAuthority(missing, 'X_', required)).toThrow('X_W06000001 is required (one per authority)');
    expect(() => perAuthority({ ...all('X_'), X_E09000001: 'http://h' }, 'X_', required)).toThrow('X_E09000001: E09000001 is not a Welsh authority GSS code');
  });

  it('takes a worker count from 1 to 64, or auto for one per core', () => {
    expect(workerCount({}, 'W', 1)).toBe(1);
    expect(workerCount({ W: '3' }, 'W', 1)).toBe(3);
    expect(workerCount({}, 'W', 'auto')).toBe(Math.min(availableParallelism(), 64));
    expect(workerCount({ W: 'auto' }, 'W', 1)).toBe(Math.min(availableParallelism(), 64));
    for (const bad of ['0', '65', '1.5', '-2', 'two', '2 '])
      expect(() => workerCount({ W: bad }, 'W', 1)).toThrow(`W must be a whole number from 1 to 64 or auto, got '${bad}'`);
  });
});
