import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SETTINGS_FILE } from './render.ts';
import { authorityDatabaseSize, readSettings } from './settings.ts';

const committed = JSON.parse(readFileSync(SETTINGS_FILE, 'utf8')) as Record<string, unknown>;
const changed = (path: readonly string[], value: unknown): unknown => {
  const copy = structuredClone(committed);
  let node = copy as Record<string, unknown>;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string, unknown>;
  node[path.at(-1) ?? ''] = value;
  return copy;
};

describe('deploy/kubernetes/settings.json', () => {
  it("is read, and an authority override sizes only that authority's database", () => {
    const settings = readSettings(committed);
    expect(authorityDatabaseSize(settings, 'W06000015').storage).toBe('10Gi');
    expect(authorityDatabaseSize(settings, 'W06000001')).toEqual(settings.authorities.database);
  });

  it('names the field that is wrong', () => {
    expect(() => readSettings(changed(['authorities', 'overrides'], { W06000099: {} }))).toThrow(
      'authorities.overrides.W06000099: not a Welsh authority GSS code',
    );
    expect(() => readSettings(changed(['backups', 'destinationPath'], 's3://bucket/'))).toThrow('backups.destinationPath');
    expect(() => readSettings(changed(['gateway', 'maxReplicas'], 1))).toThrow('gateway.maxReplicas must be a whole number from 2 to 100');
    expect(() => readSettings(changed(['postgresImage'], 'ghcr.io/cloudnative-pg/postgresql:17'))).toThrow('postgresImage');
  });
});

describe('a recovery in settings.json', () => {
  it('may not archive into the archive it recovers from', () => {
    const overrides = { W06000015: { recovery: { fromServerName: 'authority-w06000015-db', archiveAs: 'authority-w06000015-db' } } };
    expect(() => readSettings(changed(['authorities', 'overrides'], overrides))).toThrow(
      'authorities.overrides.W06000015.recovery.archiveAs must differ from fromServerName',
    );
  });
});
