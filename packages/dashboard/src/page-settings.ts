// What the server tells the dashboard's pages (page.ts writes it; browser/settings.ts reads it): a shape
// only, with no imports, so both the server and the browser bundle can use it.
export type DashboardView = 'benchmarks' | 'caseload' | 'notifications' | 'learner';

export interface PageSettings {
  readonly view: DashboardView;
  readonly base: string;
  readonly graphqlPath: string;
  /** Where development tokens are minted (the explorer's); null when the server issues none (production). */
  readonly tokenPath: string | null;
  readonly authorities: readonly { readonly code: string; readonly nameEn: string; readonly nameCy: string; readonly region: string }[];
  readonly regions: readonly { readonly code: string; readonly nameEn: string; readonly nameCy: string }[];
}
