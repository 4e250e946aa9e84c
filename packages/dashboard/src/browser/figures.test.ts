// What a table cell shows for a figure: a share as a percentage to one place, a hidden figure its marker
// and the reason in the page's language; and the CSV is quoted as RFC 4180 says.
import { describe, expect, it } from 'vitest';
import { csvOf, figuresOf, noteCell, shown, valueCell, type Figure, type Measure } from './figures.ts';
import { caseloadVariables } from './caseload-view.ts';

const share: Measure = { id: 'pep-timely', kind: 'RATE', nameEn: 'PEP on time', nameCy: 'CAP mewn pryd', available: true };
const figure = (code: string, level: Figure['level'], rate: number | null, marker: string | null = null): Figure => ({
  measure: 'pep-timely',
  code,
  level,
  category: 'all',
  numerator: rate === null ? null : 9,
  denominator: rate === null ? null : 10,
  rate,
  lower: null,
  upper: null,
  marker,
  comparedWithWales: 'SIMILAR',
  authority: null,
});

describe('figures in a table', () => {
  it('shows a share as a percentage, and a hidden one as its marker with the reason', () => {
    expect(shown(share, 0.9)).toBe('90.0');
    expect(valueCell(share, figure('W06000015', 'AUTHORITY', 0.9))).toBe('90.0');
    const hidden = figure('W06000001', 'AUTHORITY', null, '[c]');
    expect(valueCell(share, hidden)).toBe('[c]');
    expect(noteCell(hidden, 'cy')).toMatch(/^Cyfrinachol/);
    expect(noteCell(hidden, 'en')).toMatch(/^Confidential/);
  });

  it("separates the authorities from their region's and Wales's lines", () => {
    const all = [figure('W06000015', 'AUTHORITY', 0.9), figure('CSC', 'REGION', 0.8), figure('W92000004', 'WALES', 0.85)];
    const split = figuresOf(all, 'pep-timely', 'all', 'CSC', (code) => code);
    expect(split.authorities.map((f) => f.code)).toEqual(['W06000015']);
    expect(split.region?.code).toBe('CSC');
    expect(split.wales?.code).toBe('W92000004');
  });

  it('quotes CSV cells that need it', () => {
    expect(csvOf(['a', 'b'], [['Rhondda, Cynon', 'say "c"']])).toBe('a,b\r\n"Rhondda, Cynon","say ""c"""\r\n');
  });
});

describe('the caseload filters', () => {
  it('ask the API only for the filters ticked', () => {
    expect(caseloadVariables('W06000015', new URLSearchParams(''))).toEqual({ first: 500, homeAuthority: 'W06000015' });
    expect(caseloadVariables('W06000015', new URLSearchParams('overdue=1&low-attendance=1&excluded=1&out-of-county=1'))).toEqual({
      first: 500,
      homeAuthority: 'W06000015',
      overduePep: true,
      attendanceBelow: 0.9,
      excludedThisTerm: true,
      placedOutOfCounty: true,
    });
  });
});
