// The labels of every enum of the API and the texts of the PEP sections, shaped for the schema, in the
// language asked for (argument, else the request's Accept-Language).
import { message, platformError } from '@wales-lac/errors';
import { PEP_SECTIONS, PEP_SECTION_TEXTS, isEnumName, terms, type Language, type PepSectionKind } from '@wales-lac/vocabulary';

export interface TermRow {
  readonly enumName: string;
  readonly value: string;
  readonly label: string;
  readonly labelEn: string;
  readonly labelCy: string;
}

export interface PepSectionTextRow {
  readonly section: PepSectionKind;
  readonly title: string;
  readonly prompt: string;
  readonly titleEn: string;
  readonly titleCy: string;
  readonly promptEn: string;
  readonly promptCy: string;
}

/** Every labelled enum value (or those of one enum: BAD_USER_INPUT when the API has no such enum). */
export function vocabulary(language: Language, enumName?: string | null): TermRow[] {
  if (enumName != null && !isEnumName(enumName)) throw platformError(message('BAD_USER_INPUT', 'notAnEnum', { name: enumName }), { field: 'enumName' });
  return terms(enumName ?? undefined).map((t) => ({
    enumName: t.enumName,
    value: t.value,
    label: t.labels[language],
    labelEn: t.labels.en,
    labelCy: t.labels.cy,
  }));
}

/** Each PEP section's title and question, in plan order. */
export function pepSectionTexts(language: Language): PepSectionTextRow[] {
  return PEP_SECTIONS.map((section) => {
    const { title, prompt } = PEP_SECTION_TEXTS[section];
    return { section, title: title[language], prompt: prompt[language], titleEn: title.en, titleCy: title.cy, promptEn: prompt.en, promptCy: prompt.cy };
  });
}
