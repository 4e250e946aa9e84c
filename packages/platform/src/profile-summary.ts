// npm run profile:summary -- <file.cpuprofile> — where a CPU profile's time goes: self time by package
// (node_modules package or project folder) and the top functions, as shares of the samples.
import { readFile } from 'node:fs/promises';

interface ProfileNode {
  readonly id: number;
  readonly callFrame: { readonly functionName: string; readonly url: string; readonly lineNumber: number };
  readonly hitCount?: number;
}
interface Profile {
  readonly nodes: readonly ProfileNode[];
}

function packageOf(url: string): string {
  if (!url) return '(native / idle / gc)';
  const modules = url.lastIndexOf('node_modules/');
  if (modules >= 0) {
    const rest = url.slice(modules + 'node_modules/'.length).split('/');
    return rest[0]?.startsWith('@') ? `${rest[0]}/${rest[1]}` : (rest[0] ?? url);
  }
  if (url.startsWith('node:')) return url;
  const project = url.match(/\/(packages|subgraphs|gateway|vendor)\/([^/]+)?/);
  if (project) return project[1] === 'gateway' ? 'gateway' : `${project[1]}/${project[2]}`;
  return url;
}

const file = process.argv[2];
if (!file) throw new Error('usage: npm run profile:summary -- <file.cpuprofile> [top]');
const top = Number(process.argv[3] ?? 25);
const profile = JSON.parse(await readFile(file, 'utf8')) as Profile;
const total = profile.nodes.reduce((sum, node) => sum + (node.hitCount ?? 0), 0);
const byPackage = new Map<string, number>();
const byFunction = new Map<string, number>();
for (const node of profile.nodes) {
  const hits = node.hitCount ?? 0;
  const { functionName, url, lineNumber } = node.callFrame;
  const pkg = packageOf(url);
  byPackage.set(pkg, (byPackage.get(pkg) ?? 0) + hits);
  const name = `${functionName || '(anonymous)'} ${pkg}${url ? `:${lineNumber + 1}` : ''}`;
  byFunction.set(name, (byFunction.get(name) ?? 0) + hits);
}
const share = (hits: number) => `${((100 * hits) / total).toFixed(1)}%`;
const print = (title: string, entries: Map<string, number>) => {
  console.log(`\n| ${title} | self time |\n|---|---|`);
  for (const [name, hits] of [...entries].sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(`| ${name} | ${share(hits)} |`);
};
console.log(`${total} samples`);
print('package', byPackage);
print('function', byFunction);
