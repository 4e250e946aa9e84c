// Disclosure control for a whole release (decision 0015): the report as one linear system (cell-model.ts),
// its small counts and small nested differences hidden (the primary pattern), and secondary suppression
// by iterated linear programming (protectByRepair, HiGHS) so that a reader of everything published
// cannot conclude that any of them is below 5. The release audit (release-audit.ts) checks the result
// independently.
import { DEFAULT_THRESHOLD, protectByRepair, type Requirement } from '@wales-lac/disclosure';
import { modelOfCounts } from './count-model.ts';
import type { CellModel } from './cell-model.ts';
import type { CountRow } from './counts.ts';
import { dimensionsOf, MEASURES, type MeasureDefinition } from './measures.ts';
import { placeId, type Categories, type GeographyCells, type Part } from './cells.ts';

export interface ProtectedRelease {
  /** A cell's true value, summed over the geography's authorities. */
  value(measure: string, geo: string, dimension: string, category: string, part: Part): number;
  isHidden(measure: string, geo: string, dimension: string, category: string): boolean;
  /** The splits a measure publishes: categories empty by definition (and empty in every authority) left out. */
  dimensionsOf(measure: MeasureDefinition): Categories;
  readonly stats: ProtectionStats;
}

export interface ProtectionStats {
  readonly requirements: number;
  readonly primaryHidden: number;
  readonly hidden: number;
  readonly solves: number;
  readonly seconds: number;
}

export interface ProtectionOptions {
  readonly measures?: readonly MeasureDefinition[];
  /** Geographies whose figures may be published at all (every authority in them collected). */
  readonly publishable?: (geo: string) => boolean;
  /** How many batches the repair solves (protectByRepair). */
  readonly batches?: number;
  /** How long the batches may take before the rest are solved together (default 30 s). */
  readonly budgetMs?: number;
}

/** A total is worth more to readers than one of its splits: hiding it costs more (decision 0015). */
const TOTAL_WEIGHT = 3;

export function protectRelease(counts: readonly CountRow[], geos: readonly GeographyCells[], options: ProtectionOptions = {}): ProtectedRelease {
  const started = performance.now();
  const { measures = MEASURES, publishable = () => true, batches, budgetMs = 30_000 } = options;
  const { model, value, published } = modelOfCounts(counts, geos, measures, publishable);
  const { hidden, requirements } = primaryPattern(model);
  const weight = (k: number) =>
    Math.max(1, model.figuresOf[k]?.length ?? 1) * (1 + (model.values[k] ?? 0)) * (model.dimensionOf[k] === 'all' ? TOTAL_WEIGHT : 1);
  const outcome = protectByRepair(
    { values: model.values, fixed: model.fixed, rows: model.rows, hidden, weight, requirements },
    { ...(batches === undefined ? {} : { batches }), deadline: started + budgetMs },
  );
  // Fail safe: a release that cannot be protected is not built, and the last good one stays published.
  if (outcome.failure) throw new Error(`disclosure control could not protect the release: ${outcome.failure}`);
  const figureAt = new Map(model.figures.map((f, i) => [`${f.measure}|${f.place}`, i]));
  const isHidden = (measure: string, geo: string, dimension: string, category: string) => {
    const f = model.figures[figureAt.get(`${measure}|${placeId(geo, dimension, category)}`) ?? -1];
    return f === undefined || !f.publishable || Object.values(f.parts).some((k) => k !== undefined && outcome.hidden[k] === 1);
  };
  return {
    value,
    isHidden,
    dimensionsOf: (measure) => published.get(measure.id) ?? dimensionsOf(measure),
    stats: {
      requirements: requirements.length,
      primaryHidden: count(hidden),
      hidden: count(outcome.hidden),
      solves: outcome.solves,
      seconds: (performance.now() - started) / 1000,
    },
  };
}

/**
 * What must be protected, and hidden before anything else: every count of 0-4 that some figure would
 * publish (hidden), and every place where a number and one nested in it differ by 1-4 (the smaller
 * hidden: decision 0010). Each must be able to reach 5 as far as a reader knows. Cells no publishable
 * figure shows are hidden too; they are never published.
 */
function primaryPattern(model: CellModel): { hidden: Uint8Array; requirements: Requirement[] } {
  const size = model.values.length;
  const hidden = new Uint8Array(size);
  const requirements: Requirement[] = [];
  const shown = new Uint8Array(size);
  for (const f of model.figures) if (f.publishable) for (const k of Object.values(f.parts)) if (k !== undefined) shown[k] = 1;
  for (let k = 0; k < size; k++) {
    if (model.fixed[k]) continue;
    if (!shown[k]) hidden[k] = 1;
    else if ((model.values[k] ?? 0) < DEFAULT_THRESHOLD) {
      hidden[k] = 1;
      requirements.push({ expression: { indices: [k], coefs: [1] }, atLeast: DEFAULT_THRESHOLD });
    }
  }
  for (const { whole, part } of model.differences) {
    const difference = (model.values[whole] ?? 0) - (model.values[part] ?? 0);
    if (difference <= 0 || difference >= DEFAULT_THRESHOLD) continue;
    hidden[part] = 1;
    requirements.push({ expression: { indices: [whole, part], coefs: [1, -1] }, atLeast: DEFAULT_THRESHOLD });
  }
  return { hidden, requirements };
}

function count(flags: Uint8Array): number {
  let n = 0;
  for (const f of flags) n += f;
  return n;
}
