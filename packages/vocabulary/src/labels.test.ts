// Every enum the API has (the committed supergraph, and each subgraph's own schema so an enum is caught
// before the supergraph is regenerated) has a label for each value in both languages.
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { Kind, parse, type EnumTypeDefinitionNode, type EnumValueDefinitionNode } from 'graphql';
import { describe, expect, it } from 'vitest';
import { ENUM_LABELS, SAME_IN_BOTH_LANGUAGES, LANGUAGES, isEnumName, labelOf, labelsOf, terms, type Bilingual } from './index.ts';

const REPO_ROOT = new URL('../../../', import.meta.url);
const SUPERGRAPH = 'gateway/supergraph.graphql';

/** Federation's own enums in the supergraph, not part of the API. */
const isInternal = (name: string) => /^(link|join|core)__/.test(name);
const inaccessible = (node: EnumTypeDefinitionNode | EnumValueDefinitionNode) => (node.directives ?? []).some((d) => d.name.value === 'inaccessible');

function schemaFiles(): string[] {
  const subgraphs = readdirSync(new URL('subgraphs/', REPO_ROOT))
    .map((name) => `subgraphs/${name}/src/schema.graphql`)
    .filter((path) => existsSync(new URL(path, REPO_ROOT)));
  return [SUPERGRAPH, ...subgraphs];
}

/** enum name → its public value names, from one SDL file. */
function enumsOf(path: string): Map<string, string[]> {
  const document = parse(readFileSync(new URL(path, REPO_ROOT), 'utf8'));
  const enums = new Map<string, string[]>();
  for (const definition of document.definitions) {
    if ((definition.kind !== Kind.ENUM_TYPE_DEFINITION && definition.kind !== Kind.ENUM_TYPE_EXTENSION) || isInternal(definition.name.value)) continue;
    if (definition.kind === Kind.ENUM_TYPE_DEFINITION && inaccessible(definition)) continue;
    const values = (definition.values ?? []).filter((v) => !inaccessible(v)).map((v) => v.name.value);
    enums.set(definition.name.value, [...(enums.get(definition.name.value) ?? []), ...values]);
  }
  return enums;
}

const sources = schemaFiles().map((path) => [path, enumsOf(path)] as const);
const labelTable: Record<string, Record<string, Bilingual>> = ENUM_LABELS;

describe.each(sources)('enums of %s', (_path, enums) => {
  it('has enums at all', () => {
    if (_path === SUPERGRAPH) expect(enums.size).toBeGreaterThan(10);
  });
  it.each([...enums].map(([name, values]) => [name, values] as const))('%s has a label for every value in Welsh and English', (name, values) => {
    const labels = labelTable[name];
    expect(labels, `enum ${name} has no labels: add it to packages/vocabulary/src/labels.ts`).toBeDefined();
    for (const value of values) {
      const label = labels?.[value];
      expect(label, `${name}.${value} has no label in packages/vocabulary/src/labels.ts`).toBeDefined();
      for (const language of LANGUAGES) expect(label?.[language]?.trim() ?? '', `${name}.${value} (${language})`).not.toBe('');
    }
  });
});

describe('labels', () => {
  it.each(Object.keys(ENUM_LABELS))('%s: labels are distinct within the enum in each language', (name) => {
    const labels = Object.values(labelTable[name] ?? {});
    for (const language of LANGUAGES) {
      const texts = labels.map((l) => l[language].trim().toLocaleLowerCase(language));
      expect(new Set(texts).size, `${name} has two values with the same ${language} label: ${texts.join(' | ')}`).toBe(texts.length);
    }
  });

  it('Welsh labels are not copies of the English ones, except those listed', () => {
    const copies = terms()
      .filter((t) => t.labels.cy.trim().toLocaleLowerCase('cy') === t.labels.en.trim().toLocaleLowerCase('en'))
      .map((t) => `${t.enumName}.${t.value}`);
    expect(copies.filter((c) => !SAME_IN_BOTH_LANGUAGES.includes(c))).toEqual([]);
    // The list holds only labels that really are the same.
    expect(SAME_IN_BOTH_LANGUAGES.filter((c) => !copies.includes(c))).toEqual([]);
  });

  it('has no labels for enums or values the API does not have', () => {
    const known = new Map<string, Set<string>>();
    for (const [, enums] of sources)
      for (const [name, values] of enums) values.forEach((v) => (known.get(name) ?? known.set(name, new Set()).get(name)!).add(v));
    const stale = terms()
      .filter((t) => !known.get(t.enumName)?.has(t.value))
      .map((t) => `${t.enumName}.${t.value}`);
    expect(stale).toEqual([]);
  });

  // The enums being added to the authority service, by value name.
  it.each([
    ['PepSectionKind', ['ALL_ABOUT_ME', 'SCHOOL_PICTURE', 'SUPPORT', 'CARER_VIEWS', 'SOCIAL_WORKER_VIEWS', 'REVIEW_ACTIONS']],
    ['SignerRole', ['EDUCATION_LEAD', 'SOCIAL_WORKER', 'DESIGNATED_TEACHER']],
    ['QualityRating', ['RED', 'AMBER', 'GREEN']],
    ['ExclusionKind', ['FIXED_TERM', 'PERMANENT']],
    ['EotasKind', ['TUITION_SERVICE', 'ALTERNATIVE_PROVIDER', 'HOME_TUITION', 'OTHER']],
    ['SdqInformant', ['CARER', 'TEACHER', 'SELF']],
    ['InterventionKind', ['TUTORING', 'MENTORING', 'LITERACY', 'NUMERACY', 'COUNSELLING', 'CAMHS_REFERRAL', 'OTHER']],
    ['Destination', ['SCHOOL_SIXTH_FORM', 'FURTHER_EDUCATION', 'HIGHER_EDUCATION', 'APPRENTICESHIP', 'EMPLOYMENT', 'TRAINING', 'NEET', 'UNKNOWN']],
    ['IdpMaintainer', ['SCHOOL', 'AUTHORITY']],
    [
      'NotificationKind',
      [
        'SCHOOL_MOVE',
        'PLACEMENT_MOVE',
        'PEP_MEETING_INVITATION',
        'PEP_REVIEW_DUE',
        'PEP_REVIEW_OVERDUE',
        'PEP_START_OVERDUE',
        'ATTENDANCE_LOW',
        'ATTENDANCE_DROP',
        'EXCLUSION',
        'SDQ_CONCERN',
      ],
    ],
    ['NotificationDelivery', ['FEED', 'FEED_AND_EMAIL']],
    ['MeetingInviteeRole', ['DESIGNATED_TEACHER', 'VIRTUAL_SCHOOL_HEAD', 'SOCIAL_WORKER', 'LEARNER', 'CARER']],
    ['MeetingResponse', ['ACCEPTED', 'DECLINED', 'TENTATIVE']],
    ['PepMeetingStatus', ['SCHEDULED', 'CANCELLED', 'HELD']],
    ['LegalStatus', ['CARE_ORDER', 'INTERIM_CARE_ORDER', 'PLACEMENT_ORDER', 'VOLUNTARY_ACCOMMODATION', 'REMAND', 'OTHER']],
  ] as const)('%s is labelled, value for value', (name, values) => {
    expect(Object.keys(labelTable[name] ?? {})).toEqual(values);
  });

  it('uses the Welsh Government terms', () => {
    expect(labelOf('ExclusionKind', 'FIXED_TERM', 'cy')).toBe('Gwaharddiad cyfnod penodol');
    expect(labelOf('ExclusionKind', 'PERMANENT', 'cy')).toBe('Gwaharddiad parhaol');
    expect(labelOf('CareStatus', 'LOOKED_AFTER', 'cy')).toBe('Yn derbyn gofal');
    expect(labelOf('PepSectionKind', 'ALL_ABOUT_ME', 'cy')).toBe('Popeth amdana i');
  });
});

describe('look-ups', () => {
  it('finds a label in either language', () => {
    expect(labelOf('PlacementType', 'FOSTER', 'en')).toBe('Foster care');
    expect(labelOf('PlacementType', 'FOSTER', 'cy')).toBe('Gofal maeth');
    expect(labelsOf('TeachingMedium', 'WELSH')).toEqual({ en: 'Welsh-medium', cy: 'Cyfrwng Cymraeg' });
  });
  it.each([
    ['NoSuchEnum', 'FOSTER'],
    ['PlacementType', 'NO_SUCH_VALUE'],
    ['PlacementType', 'toString'],
    ['constructor', 'name'],
    ['PlacementType', 'foster'],
  ])('has nothing for %s.%s', (enumName, value) => {
    expect(labelOf(enumName, value, 'en')).toBeUndefined();
  });
  it('knows enum names, not object properties', () => {
    expect(isEnumName('Gender')).toBe(true);
    expect(isEnumName('hasOwnProperty')).toBe(false);
  });
  it('lists terms by enum name, each enum in its own order', () => {
    const all = terms();
    expect(all.length).toBe(Object.values(labelTable).reduce((n, values) => n + Object.keys(values).length, 0));
    expect(all[0]).toEqual({ enumName: 'AccessAction', value: 'READ', labels: { en: 'Read', cy: 'Darllen' } });
    expect(terms('QualityRating').map((t) => t.value)).toEqual(['RED', 'AMBER', 'GREEN']);
  });
  it('needs both languages to type-check', () => {
    // @ts-expect-error a label without its Welsh
    const missing: Bilingual = { en: 'Only English' };
    expect(missing.cy).toBeUndefined();
  });
});
