// The caller's token for this browser tab (sessionStorage), so moving between pages and languages keeps
// it. In development the sign-in form asks the explorer's endpoint for a token (the platform's dev
// identity); in production a token is placed here by the organisation's sign-in, never by this page.
import { h } from './dom.ts';
import { enumLabel, text, type Language } from './text.ts';
import type { PageSettings } from './settings.ts';

const KEY = 'wales-lac-dashboard-token';

export const storedToken = (): string | null => sessionStorage.getItem(KEY);
export const forgetToken = (): void => sessionStorage.removeItem(KEY);

// The roles a development sign-in can be. A social worker's caseload follows their subject, and a designated
// teacher's pupils their school, so those two also give a subject or a school (README, "Roles").
const DEV_ROLES = ['national-analyst', 'consortium-analyst', 'virtual-school-head', 'social-worker', 'designated-teacher'] as const;
const AUTHORITY_ROLES = new Set(['virtual-school-head', 'social-worker', 'designated-teacher']);

/** The sign-in message, with the development role picker under it when the server mints tokens. */
export function signIn(settings: PageSettings, language: Language): HTMLElement {
  const panel = h(
    'div',
    { class: 'govuk-notification-banner', role: 'region', 'aria-labelledby': 'sign-in-title', 'data-state': 'sign-in' },
    h(
      'div',
      { class: 'govuk-notification-banner__header' },
      h('h2', { class: 'govuk-notification-banner__title', id: 'sign-in-title' }, text('signInTitle', language)),
    ),
    h('div', { class: 'govuk-notification-banner__content' }, h('p', { class: 'govuk-body' }, text('signInBody', language))),
  );
  if (!settings.tokenPath) return panel;
  const tokenPath = settings.tokenPath;
  const name = (item: { nameEn: string; nameCy: string }) => (language === 'cy' ? item.nameCy : item.nameEn);
  const select = (id: string, label: string, options: readonly [string, string][]) =>
    h(
      'div',
      { class: 'govuk-form-group' },
      h('label', { class: 'govuk-label', for: id }, label),
      h('select', { class: 'govuk-select', id, name: id }, ...options.map(([value, shown]) => h('option', { value }, shown))),
    );
  const field = (id: string, label: string) =>
    h(
      'div',
      { class: 'govuk-form-group' },
      h('label', { class: 'govuk-label', for: id }, label),
      h('input', { class: 'govuk-input govuk-input--width-20', id, name: id, type: 'text', autocomplete: 'off' }),
    );
  const form = h(
    'form',
    { class: 'dev-sign-in', 'aria-labelledby': 'dev-sign-in-title' },
    h('h3', { class: 'govuk-heading-s', id: 'dev-sign-in-title' }, text('devSignIn', language)),
    select(
      'dev-role',
      text('devRole', language),
      DEV_ROLES.map((role) => [role, enumLabel('Role', role.toUpperCase().replace(/-/g, '_'), language)]),
    ),
    select(
      'dev-region',
      text('devRegion', language),
      settings.regions.map((r) => [r.code, name(r)]),
    ),
    select(
      'dev-authority',
      text('devAuthority', language),
      settings.authorities.map((a) => [a.code, name(a)]),
    ),
    field('dev-subject', text('devSubject', language)),
    field('dev-school', text('devSchool', language)),
    h('button', { type: 'submit', class: 'govuk-button' }, text('devUse', language)),
  );
  // A refused sign-in (a designated teacher with no school, say) says why, in the page's language, and stays.
  const refusal = h('p', { class: 'govuk-error-message', role: 'alert', 'data-state': 'sign-in-refused', hidden: true });
  form.prepend(refusal);
  const refused = (why: string) => {
    refusal.textContent = why;
    refusal.hidden = false;
  };
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const value = (id: string) => (form.querySelector(`#${id}`) as HTMLSelectElement | HTMLInputElement).value.trim();
    const role = value('dev-role');
    const claims = {
      role,
      ...(role === 'consortium-analyst' ? { region: value('dev-region') } : {}),
      ...(AUTHORITY_ROLES.has(role) ? { authority: value('dev-authority') } : {}),
      ...(role === 'designated-teacher' ? { school: value('dev-school') } : {}),
      ...(value('dev-subject') ? { subject: value('dev-subject') } : {}),
    };
    void fetch(tokenPath, { method: 'POST', headers: { 'content-type': 'application/json', 'accept-language': language }, body: JSON.stringify(claims) })
      .then((response) => response.json() as Promise<{ token?: string; errors?: { message: string }[] }>)
      .then((body) => {
        if (!body.token) return refused(body.errors?.[0]?.message ?? text('apiErrorTitle', language));
        sessionStorage.setItem(KEY, body.token);
        location.reload();
      })
      .catch((error: unknown) => refused((error as Error).message));
  });
  panel.querySelector('.govuk-notification-banner__content')?.append(form);
  return panel;
}
