import { describe, expect, it } from 'vitest';
import { AUTHORITY_FACTS } from './authorities.ts';
import { neighboursOf, NEIGHBOURS_PER_AUTHORITY, statisticalNeighbours } from './statistical-neighbours.ts';
import type { AuthorityFact } from './types.ts';

const fact = (code: string, children: number, foster: number): AuthorityFact => ({
  code,
  nameEn: code,
  nameCy: code,
  orgCode: code,
  upnLaNumber: '000',
  regionCode: 'R',
  childrenLookedAfter2024: children,
  fosterInsideAuthority2024: foster,
});

describe('statistical neighbours', () => {
  it('gives every Welsh authority four others, never itself, all Welsh', () => {
    const codes = new Set(AUTHORITY_FACTS.map((a) => a.code));
    for (const a of AUTHORITY_FACTS) {
      const neighbours = statisticalNeighbours(a.code);
      expect(neighbours).toHaveLength(NEIGHBOURS_PER_AUTHORITY);
      expect(neighbours).not.toContain(a.code);
      expect(neighbours.every((n) => codes.has(n))).toBe(true);
      expect(new Set(neighbours).size).toBe(NEIGHBOURS_PER_AUTHORITY);
    }
  });

  it('puts alike authorities together and unlike ones apart (hand-made facts)', () => {
    const facts = [
      fact('A', 100, 50),
      fact('B', 110, 52),
      fact('C', 105, 51),
      fact('D', 95, 49),
      fact('E', 1000, 200),
      fact('F', 1100, 210),
      fact('G', 120, 55),
    ];
    const neighbours = neighboursOf(facts);
    expect(neighbours.get('A')).toEqual(expect.arrayContaining(['B', 'C', 'D']));
    expect(neighbours.get('A')).not.toContain('E');
    expect(neighbours.get('E')?.[0]).toBe('F');
  });

  it('gives nothing for a code that is not an authority', () => {
    expect(statisticalNeighbours('W06000007')).toEqual([]);
  });
});
