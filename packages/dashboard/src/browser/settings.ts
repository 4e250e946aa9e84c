// The page's settings, written by the server into an inert JSON script element (../page.ts).
import type { PageSettings } from '../page-settings.ts';

export type { PageSettings };

export function readSettings(): PageSettings {
  const element = document.getElementById('dashboard-settings');
  if (!element?.textContent) throw new Error('the page has no dashboard settings');
  return JSON.parse(element.textContent) as PageSettings;
}
