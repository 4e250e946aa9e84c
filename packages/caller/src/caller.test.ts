import { describe, expect, it } from 'vitest';
import { callerFromClaims } from './caller.ts';

describe('callerFromClaims', () => {
  it.each([
    [{ sub: 'a', role: 'virtual-school-head' }, "must have an 'authority' claim"],
    [{ sub: 'a', role: 'virtual-school-head', authority: 'W06000007' }, 'not a Welsh authority'],
    [{ sub: 'a', role: 'designated-teacher', authority: 'W06000015' }, "'school' claim"],
    [{ sub: 'a', role: 'learner', learner: 'nonsense' }, "valid 'learner' claim"],
    [{ sub: 'a', role: 'consortium-analyst', region: 'XYZ' }, "valid 'region' claim"],
    [{ sub: 'a', role: 'head-teacher' }, "'role' must be one of"],
    [{ role: 'national-analyst' }, "'sub' is required"],
  ])('refuses %j', (claims, message) => {
    expect(() => callerFromClaims(claims)).toThrow(message);
  });

  it('takes a learner authority from their id', () => {
    const caller = callerFromClaims({ sub: 'c', role: 'learner', learner: 'W06000022:L000003', authority: 'W06000015' });
    expect(caller.authorityCode).toBe('W06000022');
  });
});
