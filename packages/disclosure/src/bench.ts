// How long suppression takes at Welsh scale: 22 authorities + 4 regions + Wales, each split 5 ways by
// age, 2 by gender, 7 by placement, 2 by inside/outside the home authority and 4 by legal status
// (21 split cells + total), for 3 rates each published as numerator and denominator.
// Run: npx tsx packages/disclosure/src/bench.ts
import { recoverableCells } from './attacker.ts';
import { suppress } from './suppress.ts';
import { seededRandom, spread, walesTable, WALES_AUTHORITIES, type AuthoritySplits, type Table } from './wales-tables.ts';
import type { AdditiveRelation, PublishedCount } from './types.ts';

const SPLITS = { age: 5, gender: 2, placement: 7, location: 2, legal: 4 };

export function welshScale(seed: number): { counts: PublishedCount[]; relations: AdditiveRelation[]; links: string[][] } {
  const random = seededRandom(seed);
  const tables: Table[] = [];
  const links: string[][] = [];
  for (const rate of ['a', 'b', 'c']) {
    const denominators = new Map<string, AuthoritySplits>();
    const numerators = new Map<string, AuthoritySplits>();
    for (const authority of WALES_AUTHORITIES) {
      const cohort = 20 + Math.floor(random() * 280);
      const achieved = Math.floor(cohort * (0.1 + random() * 0.5));
      // Numerator splits drawn independently of the denominator's are fine here: only the additive
      // structure matters to suppression, not whether each numerator fits under its denominator.
      denominators.set(authority, Object.fromEntries(Object.entries(SPLITS).map(([s, n]) => [s, spread(cohort, n, random)])));
      numerators.set(authority, Object.fromEntries(Object.entries(SPLITS).map(([s, n]) => [s, spread(achieved, n, random)])));
    }
    const den = walesTable(`${rate}.den`, (a) => denominators.get(a) ?? {});
    const num = walesTable(`${rate}.num`, (a) => numerators.get(a) ?? {});
    tables.push(den, num);
    for (const id of den.values.keys()) links.push([id, id.replace('.den/', '.num/')]);
  }
  return { counts: tables.flatMap((t) => t.counts), relations: tables.flatMap((t) => t.relations), links };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  // The first run also pays for JIT compilation; it is reported as "cold".
  for (const [run, seed] of [1, 1, 2, 3, 4, 5].entries()) {
    const { counts, relations, links } = welshScale(seed);
    const started = performance.now();
    const result = suppress(counts, relations, { links });
    const took = performance.now() - started;
    const published = new Map(counts.filter((c) => !result.isSuppressed(c.id)).map((c) => [c.id, c.value]));
    const attackStarted = performance.now();
    const recovered = recoverableCells(published, [...result.suppressed], relations);
    const attackTook = performance.now() - attackStarted;
    console.log(
      `${run === 0 ? 'cold ' : ''}seed ${seed}: ${counts.length} cells, ${relations.length} relations; primary ${result.primary.size}, ` +
        `secondary ${result.secondary.size}; suppress ${took.toFixed(0)} ms; final attack ${attackTook.toFixed(0)} ms, recovered ${recovered.length}`,
    );
  }
}
