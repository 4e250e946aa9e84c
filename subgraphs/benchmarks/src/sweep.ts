// npm run sweep:disclosure [-- --seeds 5 --days 5 --scale wales]: builds and audits a release at full Welsh
// scale for several seeds and days of synthetic counts (the clock moved: each day is another draw), and
// prints, for each, the build and audit times, figures published and hidden, and the audit's findings.
// Any finding, anything the audit leaves unproven (5 minutes each), or a build that throws, is a failure (exit 1).
import { parseArgs } from 'node:util';
import { AUTHORITY_FACTS } from '@wales-lac/wales';
import { buildAndAudit } from './report-thread.ts';
import { syntheticCounts } from './synthetic-counts.ts';
import type { ReportInput } from './report.ts';

const { values } = parseArgs({
  options: { seeds: { type: 'string', default: '5' }, days: { type: 'string', default: '5' }, scale: { type: 'string', default: 'wales' } },
});
const scale = values.scale === 'small' ? 'small' : 'wales';
let failures = 0;
console.log('| seed | day | build s | audit s | figures | published | hidden | cells audited | findings | unproven |');
console.log('|---|---|---|---|---|---|---|---|---|---|');
for (let seed = 1; seed <= Number(values.seeds); seed += 1) {
  for (let day = 0; day < Number(values.days); day += 1) {
    const input: ReportInput = {
      snapshots: new Map(AUTHORITY_FACTS.map((a) => [a.code, { takenAt: new Date(Date.UTC(2026, 11, 2 + day)), stale: false }])),
      regionOf: new Map(AUTHORITY_FACTS.map((a) => [a.code, a.regionCode])),
      counts: syntheticCounts(seed, { scale, day }),
    };
    try {
      const built = buildAndAudit(input, { rounding: 'none', auditBudgetMs: 300_000 });
      const hidden = built.figures.filter((f) => f.marker === '[c]').length;
      const published = built.figures.filter((f) => f.marker === null).length;
      if (built.audit.findings > 0 || (built.audit.unproven ?? 0) > 0) failures += 1;
      console.log(
        `| ${seed} | ${day} | ${built.buildSeconds.toFixed(2)} | ${built.auditSeconds.toFixed(2)} | ${built.figures.length} | ${published} | ${hidden} | ${built.audit.cellsChecked} | ${built.audit.findings} | ${built.audit.unproven ?? 0} |`,
      );
    } catch (error) {
      failures += 1;
      console.log(`| ${seed} | ${day} | failed: ${(error as Error).message} | | | | | | | |`);
    }
  }
}
process.exit(failures > 0 ? 1 : 0);
