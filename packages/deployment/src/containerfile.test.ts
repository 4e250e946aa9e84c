// The Containerfile cannot be built here (no container engine, and no registry to pull a base image from):
// it is linted (dockerfile-utils, the VS Code Docker extension's validator) and held to what the manifests
// and the build assume: a target per service running its bundle on its port, as the uid the pods run as.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { validate } from 'dockerfile-utils';
import { describe, expect, it } from 'vitest';
import { ENTRY_POINTS, REPOSITORY_ROOT } from '@wales-lac/platform';
import { ALERTS_BUNDLE, APP_DIR, OUTBOX_BUNDLE, SERVICE_PORTS, type ServiceKind } from './names.ts';
import { RUN_AS } from './pods.ts';
import { TRUSTED_DOCUMENTS_PATH } from './workloads.ts';

const containerfile = readFileSync(join(REPOSITORY_ROOT, 'Containerfile'), 'utf8');

interface Stage {
  readonly name: string;
  readonly from: string;
  readonly instructions: readonly { readonly keyword: string; readonly args: string }[];
}

/** The stages, each with its instructions (continuation lines joined, comments dropped). */
function stages(text: string): Stage[] {
  const lines = text
    .replace(/\\\n/g, ' ')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '' && !l.startsWith('#'));
  const result: { name: string; from: string; instructions: { keyword: string; args: string }[] }[] = [];
  for (const line of lines) {
    const [keyword = '', ...rest] = line.split(/\s+/);
    const args = rest.join(' ');
    if (keyword.toUpperCase() === 'FROM') {
      const match = /^(\S+)(?:\s+AS\s+(\S+))?$/i.exec(args);
      result.push({ name: match?.[2] ?? '', from: match?.[1] ?? '', instructions: [] });
    } else {
      result.at(-1)?.instructions.push({ keyword: keyword.toUpperCase(), args });
    }
  }
  return result;
}

const all = stages(containerfile);
const stage = (name: string): Stage => {
  const found = all.find((s) => s.name === name);
  if (!found) throw new Error(`no stage ${name}`);
  return found;
};
/** An instruction's value in a stage, or in the stage it is built FROM. */
function inherited(name: string, keyword: string): string | undefined {
  const own = stage(name);
  const found = own.instructions.filter((i) => i.keyword === keyword).at(-1);
  if (found) return found.args;
  return all.some((s) => s.name === own.from) ? inherited(own.from, keyword) : undefined;
}

const SERVICES = Object.keys(SERVICE_PORTS) as ServiceKind[];

describe('Containerfile', () => {
  it('passes the Dockerfile linter', () => {
    expect(validate(containerfile).map((d) => `line ${d.range.start.line + 1}: ${d.message}`)).toEqual([]);
  });

  it.each(SERVICES)('has a %s target that runs its bundle on the port its pods expect', (service) => {
    expect(ENTRY_POINTS[service]).toBeDefined();
    expect(JSON.parse(inherited(service, 'CMD') ?? 'null')).toEqual(['node', '--enable-source-maps', `dist/${service}.mjs`]);
    expect(inherited(service, 'EXPOSE')).toBe(String(SERVICE_PORTS[service]));
    expect(inherited(service, 'WORKDIR')).toBe(APP_DIR);
  });

  it('gives the authority image the bundles its alerts CronJob and outbox dispatcher run (all of dist/)', () => {
    for (const bundle of [ALERTS_BUNDLE, OUTBOX_BUNDLE]) expect(ENTRY_POINTS[bundle], bundle).toBeDefined();
    const chain = [stage('authority'), stage(stage('authority').from)];
    expect(chain.flatMap((s) => s.instructions.filter((i) => i.keyword === 'COPY').map((i) => i.args))).toContain('--from=build /src/dist ./dist');
  });

  it('runs every service as the non-root uid and gid the pods name', () => {
    for (const service of SERVICES) expect(inherited(service, 'USER')).toBe(`${RUN_AS}:${RUN_AS}`);
  });

  it('builds from the lockfile on Node 20 and keeps only production packages', () => {
    expect(all[0]?.from).toBe('${NODE_IMAGE}');
    expect(containerfile).toMatch(/^ARG NODE_IMAGE=\S+\/node:20-/m);
    const build = stage('build').instructions.find((i) => i.keyword === 'RUN')?.args ?? '';
    expect(build).toMatch(/npm ci .*npm run build .*npm prune --omit=dev/);
  });

  it('puts the registered operations where the gateway is told to find them', () => {
    const copies = stage('gateway')
      .instructions.filter((i) => i.keyword === 'COPY')
      .map((i) => i.args);
    const target = TRUSTED_DOCUMENTS_PATH.slice(APP_DIR.length + 1);
    expect(copies).toContain(`--from=build /src/${target} ./${target}`);
  });

  it('leaves local state and build output out of the build context', () => {
    const ignored = readFileSync(join(REPOSITORY_ROOT, '.dockerignore'), 'utf8').split('\n');
    for (const entry of ['.git', '.data', '**/node_modules', 'dist']) expect(ignored).toContain(entry);
  });
});
