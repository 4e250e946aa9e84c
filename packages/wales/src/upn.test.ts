import { describe, expect, it } from 'vitest';
import { render } from '@wales-lac/errors';
import { isValidUpn, upnCheckLetter, upnProblem } from './upn.ts';

const problem = (upn: string) => {
  const text = upnProblem(upn);
  return text && render(text, 'en');
};

describe('UPN check letter', () => {
  it.each([
    ['801200005001', 'B'],
    ['207000016049', 'P'],
  ])('body %s has check letter %s', (body, letter) => {
    expect(upnCheckLetter(body)).toBe(letter);
  });

  it('accepts a valid UPN and names the right letter for a wrong one', () => {
    expect(isValidUpn('B801200005001')).toBe(true);
    expect(problem('Q207000016049')).toBe('check letter should be P');
  });

  it('rejects wrong shapes', () => {
    expect(problem('B80120000500')).toMatch(/13 characters/);
    expect(problem('I801200005001')).toMatch(/check letter, 11 digits/);
  });
});
