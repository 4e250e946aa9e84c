// No field of the federated schema can be silently public: every object type is either learner data
// with a field class per field, reached only through a classified field, or declared not personal.
import { readFileSync } from 'node:fs';
import { buildASTSchema, isObjectType, parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { LEARNER_DATA, NOT_PERSONAL, REACHED_THROUGH_CLASSIFIED_FIELDS } from '@wales-lac/policy';
import { SUPERGRAPH_PATH } from './supergraph.ts';

const apiTypes = () => {
  const schema = buildASTSchema(parse(readFileSync(SUPERGRAPH_PATH, 'utf8')), { assumeValidSDL: true });
  return Object.values(schema.getTypeMap()).filter(
    (t) => isObjectType(t) && !t.name.startsWith('__') && !t.name.startsWith('join__') && !t.name.startsWith('link__'),
  );
};

describe('field classes of the federated schema', () => {
  it.each(apiTypes().map((t) => [t.name, t] as const))('%s is classified', (name, type) => {
    const known = name in LEARNER_DATA || NOT_PERSONAL.includes(name) || REACHED_THROUGH_CLASSIFIED_FIELDS.includes(name);
    expect(known, `${name} must be added to packages/policy/src/schema-classes.ts`).toBe(true);
    const classified = LEARNER_DATA[name];
    if (classified && isObjectType(type)) {
      for (const field of Object.keys(type.getFields())) expect(classified.fields[field], `${name}.${field} has no field class`).toBeDefined();
    }
  });

  it('says the field class in the description of every classified field', () => {
    const schema = buildASTSchema(parse(readFileSync(SUPERGRAPH_PATH, 'utf8')), { assumeValidSDL: true });
    for (const [typeName, classified] of Object.entries(LEARNER_DATA)) {
      const type = schema.getType(typeName);
      if (!isObjectType(type)) continue;
      for (const [field, fieldClass] of Object.entries(classified.fields)) {
        if (fieldClass === 'record' || typeName !== 'Learner') continue;
        expect(type.getFields()[field]?.description ?? '', `${typeName}.${field}`).toContain(`Field class: ${fieldClass}.`);
      }
    }
  });
});
