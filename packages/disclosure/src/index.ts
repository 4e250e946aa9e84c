// Statistical disclosure control for the national benchmarks of children looked after in Wales.
export type { AdditiveRelation, PublishedCount } from './types.ts';
export { DEFAULT_THRESHOLD } from './threshold.ts';
export { recoverableCells, recoverCells, type AttackHints } from './attacker.ts';
export { InconsistentFiguresError } from './elimination.ts';
export { MARKERS, type Marker } from './markers.ts';
export { wilsonInterval, Z_95, type Interval } from './wilson.ts';
export { seededRandom } from './wales-tables.ts';
export { newStats, violations, type AttackStats, type Expression, type Knowledge, type LinearRow, type Requirement, type Violation } from './lp/index.ts';
export { protectByRepair, type RepairOptions, type RepairOutcome, type RepairProblem } from './lp/index.ts';
