import { describe, expect, it } from 'vitest';
import type { AuthorityContext } from './context.ts';
import { displayLanguage } from './display-language.ts';

const withHeader = (acceptLanguage: string | undefined) => ({ acceptLanguage }) as AuthorityContext;

describe('the language of labels and prompts', () => {
  it.each([
    ['an explicit argument wins over everything', 'en', 'cy', 'cy', 'en'],
    ['the request’s language wins over the child’s recorded preference', null, 'cy', 'en-GB,en;q=0.9', 'en'],
    ['… in Welsh too', null, 'en', 'cy-GB,en;q=0.5', 'cy'],
    ['the recorded preference when the request names neither language', null, 'cy', 'fr', 'cy'],
    ['the recorded preference when the request has no Accept-Language', null, 'cy', undefined, 'cy'],
    ['otherwise Accept-Language', null, null, 'cy-GB,en;q=0.5', 'cy'],
    ['a preference for another language falls back to Accept-Language', null, 'other', 'cy', 'cy'],
    ['English when nothing says otherwise', null, null, undefined, 'en'],
  ] as const)('%s', (_, argument, preference, header, expected) => {
    expect(displayLanguage(withHeader(header), argument, preference)).toBe(expected);
  });
});
