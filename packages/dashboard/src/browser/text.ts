// Every word the pages show, in the page's language, from the vocabulary package: nothing is written
// here, so the Welsh page has no English left on it.
import {
  BENCHMARK_CATEGORIES,
  BENCHMARK_SPLITS,
  DASHBOARD_TEXTS,
  STATISTICAL_MARKERS,
  labelOf,
  type DashboardText,
  type Language,
} from '@wales-lac/vocabulary';

import { DOCUMENT_KIND_LABELS, DOCUMENT_SECTION_LABELS, DOCUMENT_TEXTS, type DocumentText } from '../document-texts.ts';

export type { Language };

export function pageLanguage(): Language {
  return document.documentElement.lang === 'cy' ? 'cy' : 'en';
}

export function text(key: DashboardText, language: Language): string {
  return DASHBOARD_TEXTS[key][language];
}

/** The documents page's words (../document-texts.ts). */
export function documentText(key: DocumentText, language: Language): string {
  return DOCUMENT_TEXTS[key][language];
}

export const documentKindName = (kind: string, language: Language) => lookup(DOCUMENT_KIND_LABELS, kind, language);
export const documentSectionName = (section: string, language: Language) => lookup(DOCUMENT_SECTION_LABELS, section, language);

export function enumLabel(enumName: string, value: string, language: Language): string {
  return labelOf(enumName, value, language) ?? value;
}

const lookup = <T extends Record<string, { en: string; cy: string }>>(table: T, key: string, language: Language) =>
  Object.hasOwn(table, key) ? table[key as keyof T]![language] : key;

export const splitName = (split: string, language: Language) => lookup(BENCHMARK_SPLITS, split, language);
export const categoryName = (category: string, language: Language) => lookup(BENCHMARK_CATEGORIES, category, language);
export const markerReason = (marker: string, language: Language) => lookup(STATISTICAL_MARKERS, marker, language);
export const SPLITS = Object.keys(BENCHMARK_SPLITS);

/** Numbers as the page's language writes them (both use the point and the comma the same way). */
export function formatNumber(value: number, digits = 0): string {
  return value.toLocaleString('en-GB', { minimumFractionDigits: digits, maximumFractionDigits: digits });
}
