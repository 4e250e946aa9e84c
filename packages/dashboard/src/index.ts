export { createDashboard, languageOf } from './dashboard.ts';
export type { Dashboard, DashboardOptions } from './dashboard.ts';
export { bundleDashboard, dashboardAssets, DASHBOARD_SOURCE, DASHBOARD_BUNDLE } from './assets.ts';
export type { DashboardAssets } from './assets.ts';
export type { PageSettings, DashboardView } from './page-settings.ts';
export { DOCUMENT_TEXTS, DOCUMENT_KIND_LABELS, DOCUMENT_SECTION_LABELS } from './document-texts.ts';
