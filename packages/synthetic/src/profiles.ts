// Per-authority parameters for synthetic data. Approximate and unverified: realistic shapes
// (rural Welsh-speaking west, urban south-east), never rules to validate real records against.

export interface AuthorityProfile {
  /** Relative size of the school estate (roughly the number of primaries). */
  readonly schoolWeight: number;
  /** Shares of primaries that are Welsh-medium and dual-stream. */
  readonly primaryWelsh: number;
  readonly primaryDualStream: number;
  /** Shares of secondaries that are Welsh-medium, bilingual and dual-stream. */
  readonly secondaryWelsh: number;
  readonly secondaryBilingual: number;
  readonly secondaryDualStream: number;
  /** Share of looked-after children whose preferred language is Welsh. */
  readonly welshPreference: number;
  /** Share whose preferred language is neither Welsh nor English (higher in the cities). */
  readonly otherLanguage: number;
}

type ProfileRow = readonly [number, number, number, number, number, number, number, number];

// weight, pWelsh, pDual, sWelsh, sBilingual, sDual, cyPreference, otherLanguage
const ROWS: Readonly<Record<string, ProfileRow>> = {
  W06000001: [38, 0.7, 0.1, 0.2, 0.8, 0, 0.3, 0.01],
  W06000002: [85, 0.88, 0.05, 0.5, 0.5, 0, 0.4, 0.01],
  W06000003: [53, 0.25, 0.1, 0.15, 0.15, 0, 0.08, 0.015],
  W06000004: [45, 0.2, 0.08, 0.15, 0.1, 0, 0.07, 0.015],
  W06000005: [62, 0.08, 0, 0.1, 0, 0, 0.02, 0.02],
  W06000006: [55, 0.1, 0, 0.1, 0, 0, 0.02, 0.03],
  W06000023: [76, 0.15, 0.15, 0.1, 0.1, 0.3, 0.05, 0.015],
  W06000008: [38, 0.6, 0.15, 0.2, 0.8, 0, 0.22, 0.015],
  W06000009: [55, 0.15, 0.1, 0.12, 0.1, 0.15, 0.05, 0.015],
  W06000010: [95, 0.45, 0.15, 0.3, 0.3, 0.15, 0.15, 0.015],
  W06000011: [75, 0.13, 0, 0.14, 0, 0, 0.03, 0.05],
  W06000012: [55, 0.15, 0, 0.2, 0, 0, 0.03, 0.02],
  W06000013: [48, 0.1, 0, 0.12, 0, 0, 0.02, 0.02],
  W06000014: [45, 0.12, 0, 0.12, 0, 0, 0.02, 0.02],
  W06000015: [100, 0.16, 0, 0.16, 0, 0, 0.02, 0.06],
  W06000016: [95, 0.16, 0, 0.2, 0, 0, 0.03, 0.02],
  W06000024: [24, 0.1, 0, 0.25, 0, 0, 0.02, 0.02],
  W06000018: [72, 0.14, 0, 0.15, 0, 0, 0.02, 0.02],
  W06000019: [18, 0.1, 0, 0, 0, 0, 0.01, 0.02],
  W06000020: [27, 0.1, 0, 0.17, 0, 0, 0.02, 0.02],
  W06000021: [30, 0.08, 0, 0.2, 0, 0, 0.02, 0.02],
  W06000022: [44, 0.1, 0, 0.1, 0, 0, 0.02, 0.06],
};

export function authorityProfile(code: string): AuthorityProfile {
  const row = ROWS[code];
  if (!row) throw new RangeError(`no synthetic profile for ${code}`);
  const [schoolWeight, primaryWelsh, primaryDualStream, secondaryWelsh, secondaryBilingual, secondaryDualStream, welshPreference, otherLanguage] = row;
  return { schoolWeight, primaryWelsh, primaryDualStream, secondaryWelsh, secondaryBilingual, secondaryDualStream, welshPreference, otherLanguage };
}

// Land borders (and the Menai crossing for Anglesey); made symmetric below.
const BORDERS: Readonly<Record<string, readonly string[]>> = {
  W06000001: ['W06000002'],
  W06000002: ['W06000003', 'W06000004', 'W06000023', 'W06000008'],
  W06000003: ['W06000004'],
  W06000004: ['W06000005', 'W06000006', 'W06000023'],
  W06000005: ['W06000006'],
  W06000006: ['W06000023'],
  W06000023: ['W06000008', 'W06000010', 'W06000012', 'W06000016', 'W06000024', 'W06000018', 'W06000019', 'W06000021'],
  W06000008: ['W06000009', 'W06000010'],
  W06000009: ['W06000010'],
  W06000010: ['W06000011', 'W06000012'],
  W06000011: ['W06000012'],
  W06000012: ['W06000013', 'W06000016'],
  W06000013: ['W06000014', 'W06000016'],
  W06000014: ['W06000015', 'W06000016'],
  W06000015: ['W06000016', 'W06000018', 'W06000022'],
  W06000016: ['W06000024', 'W06000018'],
  W06000024: ['W06000018'],
  W06000018: ['W06000019', 'W06000020', 'W06000022'],
  W06000019: ['W06000020', 'W06000021'],
  W06000020: ['W06000021', 'W06000022'],
  W06000021: ['W06000022'],
};

const NEIGHBOURS: ReadonlyMap<string, readonly string[]> = (() => {
  const map = new Map<string, string[]>();
  const link = (a: string, b: string) => {
    const list = map.get(a) ?? [];
    if (!list.includes(b)) list.push(b);
    map.set(a, list);
  };
  for (const [a, bs] of Object.entries(BORDERS)) {
    for (const b of bs) {
      link(a, b);
      link(b, a);
    }
  }
  for (const list of map.values()) list.sort();
  return map;
})();

/** Authorities sharing a border, sorted by code. */
export function neighboursOf(code: string): readonly string[] {
  return NEIGHBOURS.get(code) ?? [];
}

/** Wales has one secure children's home (in Neath Port Talbot); secure placements go there. */
export const SECURE_HOME_AUTHORITY = 'W06000012';
