// The independent audit a release must pass before it is published (decision 0012). It takes the figures
// as they would be published and works out, by linear programming with HiGHS, what a reader of the whole
// release can conclude about every hidden count: the minimum and maximum of each hidden cell given every
// published count and every sum, nesting and equality by definition the reader knows (and that nothing is
// negative). The rule: a reader must never be able to conclude that a count of 0-4, or a difference of
// 1-4 between two nested numbers, is below 5; its feasible maximum must reach 5. A small count published
// outright is a finding too. It shares no code with the protection (protection.ts) beyond the table
// model, so a fault in one is not repeated in the other.
import { newStats, violations, type Knowledge, type Requirement } from '@wales-lac/disclosure';
import { DEFAULT_THRESHOLD } from '@wales-lac/disclosure';
import type { ReleaseAudit } from './data/releases.ts';
import { MEASURES, type MeasureDefinition } from './measures.ts';
import { modelOfCounts } from './count-model.ts';
import { geographiesOf, type Figure, type ReportInput } from './report.ts';

export interface AuditFinding {
  /** number|geography|dimension|category of the cell (or whole−part for a difference). */
  readonly cell: string;
  readonly min: number;
  readonly max: number;
}

export interface AuditResult extends ReleaseAudit {
  readonly details: readonly AuditFinding[];
}

/** Longest the audit works on one release; what it has not settled by then is counted as unproven. */
export const AUDIT_BUDGET_MS = 60_000;

export const AUDIT_METHOD = 'HiGHS LP: every hidden count of 0-4 (and nested difference of 1-4) must be able to reach 5 given everything published';

/** Audits the figures a build would publish, against the true counts it was built from. */
export function auditRelease(
  figures: readonly Figure[],
  input: ReportInput,
  { budgetMs = AUDIT_BUDGET_MS, measures = MEASURES }: { budgetMs?: number; measures?: readonly MeasureDefinition[] } = {},
): AuditResult {
  const deadline = performance.now() + budgetMs;
  const geos = geographiesOf(input.regionOf);
  const collected = new Set(geos.filter((g) => g.members.every((a) => input.snapshots.has(a))).map((g) => g.code));
  const { model } = modelOfCounts(input.counts, geos, measures, (geo) => collected.has(geo));
  const shown = new Set(figures.filter((f) => f.marker === null).map((f) => `${f.measure}|${f.code}|${f.dimension}|${f.category}`));
  // A variable is known to the reader when some published figure shows it (or it is empty by definition).
  const known = new Uint8Array(model.values.length);
  model.figures.forEach((f) => {
    if (!f.publishable || !shown.has(`${f.measure}|${f.place}`)) return;
    for (const k of Object.values(f.parts)) if (k !== undefined) known[k] = 1;
  });
  const lower = new Float64Array(model.values.length);
  const upper = new Float64Array(model.values.length);
  model.values.forEach((v, k) => {
    const isKnown = model.fixed[k] === 1 || known[k] === 1;
    lower[k] = isKnown ? v : 0;
    upper[k] = isKnown ? v : Infinity;
  });
  const knowledge: Knowledge = { lower, upper, rows: model.rows };

  const findings: AuditFinding[] = [];
  const requirements: Requirement[] = [];
  const labels: string[] = [];
  const hasFigure = (k: number) => (model.figuresOf[k] ?? []).some((f) => model.figures[f]?.publishable);
  model.values.forEach((v, k) => {
    if (model.fixed[k] || !hasFigure(k) || v >= DEFAULT_THRESHOLD) return;
    if (known[k]) findings.push({ cell: model.ids[k] ?? String(k), min: v, max: v });
    else {
      requirements.push({ expression: { indices: [k], coefs: [1] }, atLeast: DEFAULT_THRESHOLD });
      labels.push(model.ids[k] ?? String(k));
    }
  });
  for (const { whole, part } of model.differences) {
    const difference = (model.values[whole] ?? 0) - (model.values[part] ?? 0);
    if (difference <= 0 || difference >= DEFAULT_THRESHOLD) continue;
    requirements.push({ expression: { indices: [whole, part], coefs: [1, -1] }, atLeast: DEFAULT_THRESHOLD });
    labels.push(`${model.ids[whole]} − ${model.ids[part]}`);
  }
  const stats = newStats();
  let unproven = 0;
  for (const v of violations(knowledge, requirements, stats, { deadline })) {
    if (Number.isNaN(v.max)) unproven += 1;
    else findings.push({ cell: labels[v.requirement] ?? String(v.requirement), min: v.min, max: v.max });
  }
  return { cellsChecked: requirements.length, findings: findings.length, unproven, method: AUDIT_METHOD, details: findings };
}
