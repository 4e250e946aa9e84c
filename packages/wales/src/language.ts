// The platform speaks Welsh and English; a request picks one by argument or Accept-Language.
export type DisplayLanguage = 'en' | 'cy';

/** The first of Welsh or English in an Accept-Language header (by quality), English when neither. */
export function displayLanguageFrom(acceptLanguage: string | undefined): DisplayLanguage {
  return requestedLanguageFrom(acceptLanguage) ?? 'en';
}

/** The first of Welsh or English in an Accept-Language header (by quality), null when it names neither. */
export function requestedLanguageFrom(acceptLanguage: string | undefined): DisplayLanguage | null {
  if (!acceptLanguage) return null;
  const ranked = acceptLanguage
    .split(',')
    .map((part, index) => {
      const [tag = '', ...params] = part.trim().toLowerCase().split(';');
      const q = params.map((p) => /^\s*q=([0-9.]+)\s*$/.exec(p)?.[1]).find((v) => v !== undefined);
      return { tag, q: q === undefined ? 1 : Number(q), index };
    })
    .filter((entry) => entry.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index);
  for (const { tag } of ranked) {
    if (tag === 'cy' || tag.startsWith('cy-')) return 'cy';
    if (tag === 'en' || tag.startsWith('en-')) return 'en';
  }
  return null;
}
