// Every label, enum value and learner-facing text of the graph in Welsh and English, as data.
import { ENUM_LABELS, type Bilingual, type EnumName, type Language, type PepSectionKind } from './labels.ts';
import { PEP_SECTION_TEXTS, PEP_SECTIONS } from './pep-sections.ts';

export { ENUM_LABELS, LANGUAGES, SAME_IN_BOTH_LANGUAGES } from './labels.ts';
export type { Bilingual, EnumName, EnumValue, Language, PepSectionKind } from './labels.ts';
export { PEP_SECTIONS, PEP_SECTION_PROMPTS, PEP_SECTION_TEXTS } from './pep-sections.ts';
export type { PepSectionTexts } from './pep-sections.ts';
export { DASHBOARD_TEXTS, STATISTICAL_MARKERS, BENCHMARK_SPLITS, BENCHMARK_CATEGORIES } from './dashboard-texts.ts';
export type { DashboardText } from './dashboard-texts.ts';

const labelTable: Readonly<Record<string, Readonly<Record<string, Bilingual>>>> = ENUM_LABELS;

/** True when the API has an enum of this name with labels here. */
export function isEnumName(name: string): name is EnumName {
  return Object.hasOwn(labelTable, name);
}

/** Both labels of one enum value; undefined for an unknown enum or value. */
export function labelsOf(enumName: string, value: string): Bilingual | undefined {
  const values = isEnumName(enumName) ? labelTable[enumName] : undefined;
  return values && Object.hasOwn(values, value) ? values[value] : undefined;
}

/** The label of one enum value in one language; undefined for an unknown enum or value. */
export function labelOf(enumName: string, value: string, language: Language): string | undefined {
  return labelsOf(enumName, value)?.[language];
}

/** One labelled enum value. */
export interface Term {
  readonly enumName: EnumName;
  readonly value: string;
  readonly labels: Bilingual;
}

/** Every labelled value, by enum name, then in the enum's own order; or only those of one enum. */
export function terms(enumName?: EnumName): readonly Term[] {
  const names = enumName ? [enumName] : (Object.keys(ENUM_LABELS) as EnumName[]).sort();
  return names.flatMap((name) => Object.entries(labelTable[name] ?? {}).map(([value, labels]) => ({ enumName: name, value, labels })));
}

/** The title and prompt of one PEP section in one language. */
export function sectionTexts(section: PepSectionKind, language: Language): { readonly title: string; readonly prompt: string } {
  const texts = PEP_SECTION_TEXTS[section];
  return { title: texts.title[language], prompt: texts.prompt[language] };
}

/** Every PEP section's title and prompt, in plan order. */
export function allSectionTexts(language: Language): readonly { readonly section: PepSectionKind; readonly title: string; readonly prompt: string }[] {
  return PEP_SECTIONS.map((section) => ({ section, ...sectionTexts(section, language) }));
}
