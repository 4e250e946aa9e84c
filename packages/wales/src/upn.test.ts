import { describe, expect, it } from 'vitest';
import { isValidUpn, upnCheckLetter, upnProblem } from './upn.ts';

describe('UPN check letter', () => {
  it.each([
    ['801200005001', 'B'],
    ['207000016049', 'P'],
  ])('body %s has check letter %s', (body, letter) => {
    expect(upnCheckLetter(body)).toBe(letter);
  });

  it('accepts a valid UPN and names the right letter for a wrong one', () => {
    expect(isValidUpn('B801200005001')).toBe(true);
    expect(upnProblem('Q207000016049')).toBe('check letter should be P');
  });

  it('rejects wrong shapes', () => {
    expect(upnProblem('B80120000500')).toMatch(/13 characters/);
    expect(upnProblem('I801200005001')).toMatch(/check letter, 11 digits/);
  });
});
