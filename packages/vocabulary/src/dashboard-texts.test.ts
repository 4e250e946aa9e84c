// The dashboard's words exist in both languages, and the Welsh is not the English left untranslated
// (but for the few that are the same in both: symbols and numbers).
import { describe, expect, it } from 'vitest';
import { BENCHMARK_CATEGORIES, BENCHMARK_SPLITS, DASHBOARD_TEXTS, STATISTICAL_MARKERS } from './index.ts';

const SAME = new Set(['percent', '18']);

describe.each([
  ['DASHBOARD_TEXTS', DASHBOARD_TEXTS],
  ['STATISTICAL_MARKERS', STATISTICAL_MARKERS],
  ['BENCHMARK_SPLITS', BENCHMARK_SPLITS],
  ['BENCHMARK_CATEGORIES', BENCHMARK_CATEGORIES],
])('%s', (_name, table) => {
  it.each(Object.entries(table))('%s is written in both languages', (key, text) => {
    expect(text.en.trim()).not.toBe('');
    expect(text.cy.trim()).not.toBe('');
    if (!SAME.has(key)) expect(text.cy).not.toBe(text.en);
  });
});
