// Turns the API's figures into what a chart and its table show: one measure, one category, the
// authorities in name order, with the region and Wales as reference lines. Kept apart from the DOM so
// the numbers the page shows are unit-tested against the API's.
import type { DashboardBenchmarksQuery } from '@wales-lac/client';
import { formatNumber, markerReason, type Language } from './text.ts';

export type Figure = DashboardBenchmarksQuery['benchmarks']['figures'][number];
export type Measure = DashboardBenchmarksQuery['benchmarks']['measures'][number];

/** A rate 0–1 shown as a percentage, a figure per 100 and a count as they are. */
export function shown(measure: Measure, value: number | null): string {
  if (value === null) return '';
  return measure.kind === 'RATE' ? formatNumber(value * 100, 1) : formatNumber(value, measure.kind === 'COUNT' ? 0 : 1);
}

/** What a chart plots: a rate as a percentage, so the axis reads as the table does. */
export const plotted = (measure: Measure, value: number | null) => (value === null ? null : measure.kind === 'RATE' ? value * 100 : value);

/** The value cell: the number, or the marker ([c], [x], [z]) when there is none. */
export function valueCell(measure: Measure, figure: Figure): string {
  return figure.marker ?? shown(measure, measure.kind === 'COUNT' ? figure.numerator : figure.rate);
}

export function noteCell(figure: Figure, language: Language): string {
  return figure.marker ? markerReason(figure.marker, language) : '';
}

export interface MeasureFigures {
  readonly authorities: readonly Figure[];
  readonly region: Figure | undefined;
  readonly wales: Figure | undefined;
}

export function figuresOf(
  figures: readonly Figure[],
  measure: string,
  category: string,
  region: string | null,
  nameOf: (code: string) => string,
): MeasureFigures {
  const mine = figures.filter((f) => f.measure === measure && f.category === category);
  return {
    authorities: mine.filter((f) => f.level === 'AUTHORITY').sort((a, b) => nameOf(a.code).localeCompare(nameOf(b.code), 'cy')),
    region: region ? mine.find((f) => f.level === 'REGION' && f.code === region) : undefined,
    wales: mine.find((f) => f.level === 'WALES'),
  };
}

/** CSV of one measure's figures (RFC 4180 quoting), in the page's language. */
export function csvOf(head: readonly string[], rows: readonly (readonly string[])[]): string {
  const quote = (cell: string) => (/[",\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell);
  return [head, ...rows].map((row) => row.map(quote).join(',')).join('\r\n') + '\r\n';
}
