// What the server tells the explorer page (page.ts writes it; browser/settings.ts reads it): a shape only,
// with no imports, so both the server and the browser bundle can use it.
export interface PageSettings {
  readonly graphqlPath: string;
  /** Where development tokens are minted; null when the server issues none (production). */
  readonly tokenPath: string | null;
  readonly roles: readonly string[];
  readonly authorities: readonly { readonly code: string; readonly name: string }[];
  readonly regions: readonly { readonly code: string; readonly name: string }[];
}
