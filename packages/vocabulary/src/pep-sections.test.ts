import { describe, expect, it } from 'vitest';
import { ENUM_LABELS, LANGUAGES, PEP_SECTIONS, PEP_SECTION_TEXTS, allSectionTexts, sectionTexts } from './index.ts';

describe('PEP section texts', () => {
  it('cover every section, in plan order', () => {
    expect([...PEP_SECTIONS].sort()).toEqual(Object.keys(ENUM_LABELS.PepSectionKind).sort());
    expect(Object.keys(PEP_SECTION_TEXTS).sort()).toEqual([...PEP_SECTIONS].sort());
  });

  it.each(PEP_SECTIONS)('%s has a title and a one-sentence question in both languages, Welsh not copied from English', (section) => {
    const { title, prompt } = PEP_SECTION_TEXTS[section];
    for (const language of LANGUAGES) {
      expect(title[language].trim()).not.toBe('');
      expect(prompt[language]).toMatch(/^[A-Z][^.?!]*\?$/);
    }
    expect(title.cy).not.toBe(title.en);
    expect(prompt.cy).not.toBe(prompt.en);
  });

  it('give one section in one language', () => {
    expect(sectionTexts('ALL_ABOUT_ME', 'en')).toEqual({
      title: 'All about me',
      prompt: 'What do you want the people who help you at school to know about you?',
    });
    expect(sectionTexts('ALL_ABOUT_ME', 'cy').title).toBe('Popeth amdana i');
  });

  it('titles are the PepSectionKind labels', () => {
    for (const { section, title } of allSectionTexts('cy')) expect(title).toBe(ENUM_LABELS.PepSectionKind[section].cy);
  });
});
