// The dashboard's HTML pages: in the language asked (?lang=cy|en), the bundle's script and stylesheet
// from this server, and the page's settings as inert JSON under a policy that allows no other origin.
import { AUTHORITY_FACTS, REGION_FACTS } from '@wales-lac/wales';
import { DASHBOARD_TEXTS, type DashboardText, type Language } from '@wales-lac/vocabulary';
import { DOCUMENT_TEXTS } from './document-texts.ts';
import type { DashboardView, PageSettings } from './page-settings.ts';

export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  // Observable Plot writes style attributes on the SVG it draws.
  "style-src 'self' 'unsafe-inline'",
  "font-src 'self' data:",
  "img-src 'self' data:",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

export function pageSettings(view: DashboardView, base: string, tokenPath: string | null): PageSettings {
  return {
    view,
    base,
    graphqlPath: '/graphql',
    tokenPath,
    authorities: AUTHORITY_FACTS.map((a) => ({ code: a.code, nameEn: a.nameEn, nameCy: a.nameCy, region: a.regionCode })),
    regions: REGION_FACTS.map((r) => ({ code: r.code, nameEn: r.nameEn, nameCy: r.nameCy })),
  };
}

const TITLES = { benchmarks: 'dashboardTitle', caseload: 'caseloadTitle', notifications: 'notificationsTitle' } as const satisfies Record<
  Exclude<DashboardView, 'learner'>,
  DashboardText
>;

function titleOf(view: DashboardView, language: Language): string {
  return view === 'learner' ? DOCUMENT_TEXTS.documentsTitle[language] : DASHBOARD_TEXTS[TITLES[view]][language];
}

const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export function dashboardPage(settings: PageSettings, language: Language): string {
  const json = JSON.stringify(settings).replace(/</g, '\\u003c');
  const title = titleOf(settings.view, language);
  return `<!doctype html>
<html lang="${language}" class="govuk-template">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}: ${escapeHtml(DASHBOARD_TEXTS.serviceName[language])}</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="${settings.base}/dashboard.css">
<script type="application/json" id="dashboard-settings">${json}</script>
<script type="module" src="${settings.base}/dashboard.js"></script>
</head>
<body class="govuk-template__body">
<div class="govuk-width-container"><main class="govuk-main-wrapper" id="main-content">
<h1 class="govuk-heading-l">${escapeHtml(title)}</h1>
<div id="dashboard"><p class="govuk-body">${escapeHtml(DASHBOARD_TEXTS.loading[language])}</p></div>
</main></div>
</body>
</html>
`;
}
