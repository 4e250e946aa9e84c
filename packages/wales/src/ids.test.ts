import { describe, expect, it } from 'vitest';
import { learnerId, owningAuthority, parseRecordId } from './ids.ts';

describe('record ids', () => {
  it('carry and give back the owning authority', () => {
    const id = learnerId('W06000015', 42);
    expect(id).toBe('W06000015:L000042');
    expect(parseRecordId(id)).toEqual({ authorityCode: 'W06000015', kind: 'L', serial: 42 });
  });

  it.each(['', 'W06000015', 'W06000007:L000001', 'E06000001:L000001', 'W06000015:L1;drop'])('refuses malformed or foreign id %j', (id) =>
    expect(owningAuthority(id)).toBeNull(),
  );
});
