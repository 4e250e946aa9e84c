// The caller's notifications (moves, alerts, meeting invitations), newest first as the API gives them: what
// each is, the child's preferred name, the day it is about, read or unread. An alert email links here with
// ?notification=<id>: that row is marked current and scrolled to, and an unread one can be marked read. An
// id that is not among the caller's is said to be so; nothing is asked about it, so nobody else's is shown.
// The newest page is shown first; "Show older" appends the next (after pageInfo.endCursor) while there is one.
import { MarkNotificationReadDocument, NotificationsDocument, type NotificationsQuery } from '@wales-lac/client';
import { h } from './dom.ts';
import { GraphFailure, askGraph } from './graph.ts';
import { documentText, enumLabel, text, type Language } from './text.ts';
import { languageSwitch, navigation } from './benchmarks-view.ts';
import type { PageSettings } from './settings.ts';

/** Notifications asked for at a time: the API's default page. */
export const NOTIFICATIONS_PAGE = 50;
/** Pages read while looking for the linked one: bounded, since every notification read is audited as a read of its child. */
export const PAGES_SOUGHT = 20;

type Notification = NotificationsQuery['notifications']['edges'][number]['node'];

interface Feed {
  readonly rows: readonly Notification[];
  readonly totalCount: number;
  /** Where the next page starts, or null when these are all of them. */
  readonly next: string | null;
}

/** The newest page, and the pages after it only while the linked notification is still to be found. */
async function loadFeed(settings: PageSettings, language: Language, linked: string | null): Promise<Feed> {
  const rows: Notification[] = [];
  let after: string | null = null;
  let totalCount = 0;
  let next: string | null = null;
  for (let page = 0; page < PAGES_SOUGHT; page += 1) {
    const answer = await nextPage(settings, language, after);
    rows.push(...answer.rows);
    ({ totalCount, next } = answer);
    if (!linked || rows.some((row) => row.id === linked) || !next) break;
    after = next;
  }
  return { rows, totalCount, next };
}

/** One page of the feed, after `after` (null: the newest). */
async function nextPage(settings: PageSettings, language: Language, after: string | null): Promise<Feed> {
  const answer: NotificationsQuery = await askGraph(settings.graphqlPath, NotificationsDocument, { first: NOTIFICATIONS_PAGE, after }, language);
  const { edges, pageInfo, totalCount } = answer.notifications;
  return { rows: edges.map((edge) => edge.node), totalCount, next: pageInfo.hasNextPage && pageInfo.endCursor ? pageInfo.endCursor : null };
}

/** "Show older": the next page appended to the table, and the count said again; hidden when there is no next page. */
function showOlderButton(feed: Feed, tbody: HTMLElement, count: HTMLElement, context: RowContext): HTMLButtonElement {
  const { language, settings } = context;
  let next = feed.next;
  let shown = feed.rows.length;
  const button = h(
    'button',
    { type: 'button', class: 'govuk-button govuk-button--secondary', 'data-show-older': true, hidden: next === null },
    documentText('showOlder', language),
  );
  button.addEventListener('click', () => {
    if (next === null) return;
    button.disabled = true;
    nextPage(settings, language, next)
      .then((page) => {
        tbody.append(...page.rows.map((row) => notificationRow(row, context)));
        shown += page.rows.length;
        next = page.next;
        count.setAttribute('data-total', String(page.totalCount));
        count.textContent = countText(shown, page.totalCount, language);
        button.hidden = next === null;
        // Focus moves to the first older notification, so a keyboard or screen-reader user carries on from there.
        tbody.querySelector<HTMLElement>(`tr[data-notification="${CSS.escape(page.rows[0]?.id ?? '')}"]`)?.focus();
      })
      .catch((error: unknown) => {
        const code = error instanceof GraphFailure ? error.code : 'UNAUTHENTICATED';
        context.status.textContent = `${documentText('olderFailed', language)} ${code}`;
      })
      .finally(() => {
        button.disabled = false;
      });
  });
  return button;
}

const countText = (shown: number, total: number, language: Language) =>
  `${text('shown', language)} ${shown} ${text('of', language)} ${total} ${text('notificationsWord', language)}`;

/** One key per button, so a second click after a lost answer is the same change (decision 0031). */
function idempotencyKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return `dashboard-read-${[...bytes].map((b) => b.toString(16).padStart(2, '0')).join('')}`;
}

interface RowContext {
  readonly settings: PageSettings;
  readonly language: Language;
  readonly linked: string | null;
  /** Where the outcome of marking one read is announced. */
  readonly status: HTMLElement;
}

function markReadButton(notification: Notification, row: HTMLTableRowElement, stateCell: HTMLElement, context: RowContext): HTMLButtonElement {
  const { language } = context;
  const what = `${enumLabel('NotificationKind', notification.kind, language)}, ${childName(notification, language)}, ${notification.effectiveOn}`;
  const button = h(
    'button',
    { type: 'button', class: 'govuk-button govuk-button--secondary govuk-!-margin-bottom-0', 'data-mark-read': notification.id },
    text('markRead', language),
    h('span', { class: 'govuk-visually-hidden' }, `: ${what}`),
  );
  const key = idempotencyKey();
  button.addEventListener('click', () => {
    button.disabled = true;
    askGraph(context.settings.graphqlPath, MarkNotificationReadDocument, { input: { notification: notification.id, idempotencyKey: key } }, language)
      .then((answer) => {
        if (!answer.markNotificationRead?.readAt) throw new GraphFailure('INTERNAL_SERVER_ERROR', 'not marked read');
        stateCell.textContent = text('notificationRead', language);
        row.setAttribute('data-read', 'true');
        button.remove();
        row.focus();
        context.status.textContent = text('markedRead', language);
      })
      .catch((error: unknown) => {
        button.disabled = false;
        const code = error instanceof GraphFailure ? error.code : 'UNAUTHENTICATED';
        context.status.textContent = `${text('markReadFailed', language)} ${code}`;
      });
  });
  return button;
}

/** The name the child goes by: their preferred name, else their given name (many have no preferred name recorded). */
function childName(notification: Notification, language: Language): string {
  if (!notification.learner) return text('learnerNotShown', language);
  return notification.learner.preferredName ?? notification.learner.legalGivenName ?? text('notRecorded', language);
}

function notificationRow(notification: Notification, context: RowContext): HTMLTableRowElement {
  const { language } = context;
  const read = notification.readAt !== null;
  const current = notification.id === context.linked;
  const stateCell = h('td', { class: 'govuk-table__cell', 'data-cell': 'state' }, text(read ? 'notificationRead' : 'notificationUnread', language));
  const actionCell = h('td', { class: 'govuk-table__cell' });
  const row = h(
    'tr',
    {
      class: `govuk-table__row${current ? ' notification-current' : ''}`,
      'data-notification': notification.id,
      'data-read': String(read),
      'aria-current': current ? 'true' : undefined,
      tabindex: '-1',
    },
    h('th', { scope: 'row', class: 'govuk-table__header' }, enumLabel('NotificationKind', notification.kind, language)),
    h('td', { class: 'govuk-table__cell' }, childName(notification, language)),
    h('td', { class: 'govuk-table__cell' }, notification.effectiveOn),
    stateCell,
    actionCell,
  );
  if (!read) actionCell.append(markReadButton(notification, row, stateCell, context));
  return row;
}

function feedTable(rows: readonly Notification[], context: RowContext): HTMLTableElement {
  const { language } = context;
  const head = ['notificationKind', 'learner', 'notificationDate', 'notificationState', 'notificationAction'] as const;
  return h(
    'table',
    { class: 'govuk-table notifications-table' },
    h('caption', { class: 'govuk-table__caption govuk-table__caption--s' }, text('notificationsTitle', language)),
    h(
      'thead',
      { class: 'govuk-table__head' },
      h('tr', { class: 'govuk-table__row' }, ...head.map((key) => h('th', { scope: 'col', class: 'govuk-table__header' }, text(key, language)))),
    ),
    h('tbody', { class: 'govuk-table__body' }, ...rows.map((row) => notificationRow(row, context))),
  );
}

/** What the page says of the notification in its link: highlighted below, or not one of the caller's. */
function linkMessage(found: boolean, language: Language): HTMLElement {
  return h(
    'div',
    { class: 'govuk-inset-text', 'data-linked': found ? 'found' : 'not-found' },
    text(found ? 'notificationLinked' : 'notificationNotFound', language),
  );
}

export async function renderNotifications(root: HTMLElement, settings: PageSettings, language: Language): Promise<void> {
  const linked = new URLSearchParams(location.search).get('notification') || null;
  const header = [languageSwitch(language), navigation(settings, language)];
  let feed: Feed;
  try {
    feed = await loadFeed(settings, language, linked);
  } catch (error) {
    // The API refuses the feed to a role that has none (a national analyst, say): say whose page this is.
    if (!(error instanceof GraphFailure && error.code === 'FORBIDDEN')) throw error;
    root.replaceChildren(...header, h('p', { class: 'govuk-inset-text', 'data-state': 'wrong-role' }, text('notificationsNeedRole', language)));
    return;
  }
  const status = h('p', { class: 'govuk-body', role: 'status', id: 'notification-status' });
  const context: RowContext = { settings, language, linked, status };
  const found = linked !== null && feed.rows.some((row) => row.id === linked);
  const count = h('p', { class: 'govuk-body', 'data-total': String(feed.totalCount) }, countText(feed.rows.length, feed.totalCount, language));
  const list = feed.rows.length === 0 ? h('p', { class: 'govuk-body' }, text('noNotifications', language)) : feedTable(feed.rows, context);
  const tbody = list.querySelector('tbody');
  root.replaceChildren(
    ...header,
    ...(linked === null ? [] : [linkMessage(found, language)]),
    count,
    status,
    list,
    ...(tbody ? [showOlderButton(feed, tbody, count, context)] : []),
  );
  const current = root.querySelector<HTMLElement>('tr[aria-current="true"]');
  current?.scrollIntoView({ block: 'center' });
  current?.focus({ preventScroll: true });
}
