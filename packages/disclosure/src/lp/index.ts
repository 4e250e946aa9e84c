// Disclosure control by linear programming (decision 0012), solved by HiGHS.
export type { LinearRow } from './highs.ts';
export { violations, type AttackStats, type Expression, type Knowledge, type Requirement, type Violation } from './intervals.ts';
export { knowledgeOf, newStats, protect, type ProtectionHooks, type ProtectionStats } from './protect.ts';
