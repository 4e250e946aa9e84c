// The explorer's HTML page: the bundle's script and stylesheet from this server, and the page's settings
// as inert JSON (a Content-Security-Policy allows no inline script and no other origin).
import { AUTHORITY_FACTS, REGION_FACTS } from '@wales-lac/wales';
import { ROLES } from '@wales-lac/caller';
import type { PageSettings } from './page-settings.ts';

export type { PageSettings };

export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  // GraphiQL and CodeMirror set element styles at run time.
  "style-src 'self' 'unsafe-inline'",
  "font-src 'self' data:",
  "img-src 'self' data:",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

export function pageSettings(base: string, tokens: boolean): PageSettings {
  return {
    graphqlPath: '/graphql',
    tokenPath: tokens ? `${base}/token` : null,
    roles: ROLES,
    authorities: AUTHORITY_FACTS.map((a) => ({ code: a.code, name: a.nameEn })),
    regions: REGION_FACTS.map((r) => ({ code: r.code, name: r.nameEn })),
  };
}

export function explorerPage(base: string, settings: PageSettings): string {
  // `<` escaped so no value can close the script element.
  const json = JSON.stringify(settings).replace(/</g, '\\u003c');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Explorer: Wales looked-after children's education graph</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="${base}/explorer.css">
<script type="application/json" id="explorer-settings">${json}</script>
<script type="module" src="${base}/explorer.js"></script>
</head>
<body>
<div id="explorer"><p>Loading the explorer…</p></div>
</body>
</html>
`;
}
