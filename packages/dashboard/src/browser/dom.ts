// A tiny element builder: the pages are plain DOM, with no framework, so the bundle stays small.
type Child = Node | string | null | undefined | false;

export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: Readonly<Record<string, string | boolean | undefined>> = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === false) continue;
    element.setAttribute(name, value === true ? '' : value);
  }
  for (const child of children) if (child !== null && child !== undefined && child !== false) element.append(child);
  return element;
}

/** A GOV.UK table: a caption, a head row and body rows of cells (text, or a link). */
export function table(caption: string, head: readonly string[], rows: readonly (readonly (string | Node)[])[], className = ''): HTMLTableElement {
  return h(
    'table',
    { class: `govuk-table ${className}`.trim() },
    h('caption', { class: 'govuk-table__caption govuk-table__caption--s' }, caption),
    h(
      'thead',
      { class: 'govuk-table__head' },
      h('tr', { class: 'govuk-table__row' }, ...head.map((cell) => h('th', { scope: 'col', class: 'govuk-table__header' }, cell))),
    ),
    h(
      'tbody',
      { class: 'govuk-table__body' },
      ...rows.map((row) =>
        h(
          'tr',
          { class: 'govuk-table__row' },
          ...row.map((cell, i) => (i === 0 ? h('th', { scope: 'row', class: 'govuk-table__header' }, cell) : h('td', { class: 'govuk-table__cell' }, cell))),
        ),
      ),
    ),
  );
}
