import { describe, expect, it } from 'vitest';
import { pepSectionTexts, vocabulary } from './vocabulary.ts';

describe('vocabulary', () => {
  it('gives every label in the chosen language, with both languages beside it', () => {
    const terms = vocabulary('cy');
    expect(terms.find((t) => t.enumName === 'ExclusionKind' && t.value === 'FIXED_TERM')).toEqual({
      enumName: 'ExclusionKind',
      value: 'FIXED_TERM',
      label: 'Gwaharddiad cyfnod penodol',
      labelEn: 'Fixed-term exclusion',
      labelCy: 'Gwaharddiad cyfnod penodol',
    });
    expect(vocabulary('en').every((t) => t.label === t.labelEn)).toBe(true);
    expect(terms.every((t) => t.label === t.labelCy)).toBe(true);
  });

  it('gives one enum when asked', () => {
    expect(vocabulary('en', 'QualityRating').map((t) => [t.value, t.label])).toEqual([
      ['RED', 'Red'],
      ['AMBER', 'Amber'],
      ['GREEN', 'Green'],
    ]);
  });

  it.each(['NoSuchEnum', 'toString', ''])('refuses %j as an enum name with BAD_USER_INPUT naming the argument', (name) => {
    expect(() => vocabulary('en', name)).toThrow(
      expect.objectContaining({ extensions: expect.objectContaining({ code: 'BAD_USER_INPUT', field: 'enumName' }) }),
    );
  });
});

describe('pepSectionTexts', () => {
  it('gives the six sections in plan order, in the chosen language', () => {
    const texts = pepSectionTexts('cy');
    expect(texts.map((t) => t.section)).toEqual(['ALL_ABOUT_ME', 'SCHOOL_PICTURE', 'SUPPORT', 'CARER_VIEWS', 'SOCIAL_WORKER_VIEWS', 'REVIEW_ACTIONS']);
    expect(texts[0]).toMatchObject({ title: 'Popeth amdana i', titleEn: 'All about me', titleCy: 'Popeth amdana i' });
    expect(texts.every((t) => t.prompt === t.promptCy && t.title === t.titleCy)).toBe(true);
    expect(pepSectionTexts('en').every((t) => t.prompt === t.promptEn && t.title === t.titleEn)).toBe(true);
  });
});
