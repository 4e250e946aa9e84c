// The dashboard's pages in the browser: whichever view the server named, in the page's language; a
// missing or expired token shows the sign-in message, and an API error its code, never a blank page.
import { renderBenchmarks, languageSwitch } from './benchmarks-view.ts';
import { renderCaseload } from './caseload-view.ts';
import { renderLearner } from './learner-view.ts';
import { renderNotifications } from './notifications-view.ts';
import { h } from './dom.ts';
import { GraphFailure, SignInNeeded } from './graph.ts';
import { forgetToken, signIn } from './session.ts';
import { readSettings } from './settings.ts';
import { pageLanguage, text } from './text.ts';

const root = document.getElementById('dashboard');
if (!root) throw new Error('the page has no #dashboard element');
const settings = readSettings();
const language = pageLanguage();

const VIEWS = { benchmarks: renderBenchmarks, caseload: renderCaseload, notifications: renderNotifications, learner: renderLearner } as const;

VIEWS[settings.view](root, settings, language)
  .then(() => root.setAttribute('data-state', 'ready'))
  .catch((error: unknown) => {
    if (error instanceof SignInNeeded) {
      forgetToken();
      root.replaceChildren(languageSwitch(language), signIn(settings, language));
    } else {
      const code = error instanceof GraphFailure ? error.code : 'INTERNAL_SERVER_ERROR';
      root.replaceChildren(
        languageSwitch(language),
        h(
          'div',
          { class: 'govuk-error-summary', role: 'alert', 'data-state': 'error', 'data-code': code },
          h('h2', { class: 'govuk-error-summary__title' }, text('apiErrorTitle', language)),
          h('p', { class: 'govuk-body' }, `${text('apiErrorBody', language)} `, h('code', {}, code)),
        ),
      );
      console.error(error);
    }
    root.setAttribute('data-state', root.querySelector('[data-state]')?.getAttribute('data-state') ?? 'error');
  });
