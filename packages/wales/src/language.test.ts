import { describe, expect, it } from 'vitest';
import { displayLanguageFrom } from './language.ts';

describe('displayLanguageFrom', () => {
  it.each([
    [undefined, 'en'],
    ['cy', 'cy'],
    ['cy-GB,en;q=0.5', 'cy'],
    ['en-GB,cy;q=0.9', 'en'],
    ['fr,cy;q=0.8,en;q=0.7', 'cy'],
    ['en;q=0.2,cy;q=0.9', 'cy'],
    ['cy;q=0,en', 'en'],
    ['de', 'en'],
  ])('%j reads as %s', (header, language) => {
    expect(displayLanguageFrom(header)).toBe(language);
  });
});
