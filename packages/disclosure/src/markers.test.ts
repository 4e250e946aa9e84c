import { describe, expect, it } from 'vitest';
import { MARKERS } from './markers.ts';

describe('MARKERS', () => {
  it("use Welsh Government's shorthand", () => {
    expect([MARKERS.suppressed.code, MARKERS.notAvailable.code, MARKERS.notApplicable.code]).toEqual(['[c]', '[x]', '[z]']);
  });
  it('say what they mean in English and Welsh', () => {
    for (const marker of Object.values(MARKERS)) {
      expect(marker.en.length).toBeGreaterThan(0);
      expect(marker.cy.length).toBeGreaterThan(0);
      expect(marker.cy).not.toBe(marker.en);
    }
  });
});
