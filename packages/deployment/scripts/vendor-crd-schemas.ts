// tsx packages/deployment/scripts/vendor-crd-schemas.ts <crd.yaml>...
// Copies the openAPIV3Schema of each served version of each CustomResourceDefinition into schemas/ as
// <group>_<kind>_<version>.json, without descriptions (they are most of the size and validate nothing).
import { readFileSync, writeFileSync } from 'node:fs';
import { parseAllDocuments } from 'yaml';

type Schema = { [key: string]: unknown };

/** Drops `description` from every schema node; a property that is itself named description is kept. */
function withoutDescriptions(node: unknown, inProperties = false): unknown {
  if (Array.isArray(node)) return node.map((item) => withoutDescriptions(item));
  if (typeof node !== 'object' || node === null) return node;
  const result: Schema = {};
  for (const [key, value] of Object.entries(node)) {
    if (!inProperties && key === 'description' && typeof value === 'string') continue;
    result[key] = withoutDescriptions(value, !inProperties && (key === 'properties' || key === 'patternProperties'));
  }
  return result;
}

interface Crd {
  spec: { group: string; names: { kind: string }; versions: { name: string; served: boolean; schema?: { openAPIV3Schema: unknown } }[] };
}

const out = new URL('../schemas/', import.meta.url);
for (const file of process.argv.slice(2)) {
  for (const document of parseAllDocuments(readFileSync(file, 'utf8'))) {
    const crd = document.toJS() as Crd | null;
    if (!crd?.spec?.versions) continue;
    for (const version of crd.spec.versions) {
      if (!version.served || !version.schema) continue;
      const name = `${crd.spec.group}_${crd.spec.names.kind}_${version.name}.json`;
      writeFileSync(new URL(name, out), `${JSON.stringify(withoutDescriptions(version.schema.openAPIV3Schema))}\n`);
      console.log(`wrote schemas/${name}`);
    }
  }
}
