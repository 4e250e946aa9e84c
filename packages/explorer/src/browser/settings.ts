// The page's settings, written by the server into an inert JSON script element (../page.ts).
export interface PageSettings {
  readonly graphqlPath: string;
  /** Where development tokens are minted; null when the server issues none (production). */
  readonly tokenPath: string | null;
  readonly roles: readonly string[];
  readonly authorities: readonly { readonly code: string; readonly name: string }[];
  readonly regions: readonly { readonly code: string; readonly name: string }[];
}

export function readSettings(): PageSettings {
  const element = document.getElementById('explorer-settings');
  if (!element?.textContent) throw new Error('the page has no explorer settings');
  return JSON.parse(element.textContent) as PageSettings;
}
