// The reader's attack by linear programming (decision 0012), solved by HiGHS: the release audit.
export type { LinearRow } from './highs.ts';
export { newStats, violations, type AttackStats, type Expression, type Knowledge, type Requirement, type Violation } from './intervals.ts';
export { protectByRepair, type RepairOptions, type RepairOutcome, type RepairProblem } from './repair.ts';
