// Titles and prompts of PEP sections in the display language, from the vocabulary (stored codes such
// as 'all-about-me' are the schema's ALL_ABOUT_ME).
import { sectionTexts as vocabularySectionTexts, type PepSectionKind } from '@wales-lac/vocabulary';
import type { DisplayLanguage } from '@wales-lac/wales';

export function sectionTexts(section: string, language: DisplayLanguage): { readonly title: string; readonly prompt: string } {
  return vocabularySectionTexts(section.toUpperCase().replaceAll('-', '_') as PepSectionKind, language);
}
