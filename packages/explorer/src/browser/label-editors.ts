// CodeMirror 5 reads keys through a hidden textarea that has no label, so a screen reader announces an
// unnamed field. Each is named after the editor around it (GraphiQL labels the query editor's section).
const NAMES: readonly [string, string][] = [
  ['.graphiql-query-editor', 'Query'],
  ['.result-window', 'Response'],
  ['.graphiql-editor-tool', 'Variables or headers'],
];

function label(root: Element): void {
  for (const textarea of root.querySelectorAll('.CodeMirror textarea:not([aria-label])')) {
    const name = NAMES.find(([selector]) => textarea.closest(selector))?.[1] ?? 'Editor';
    textarea.setAttribute('aria-label', name);
  }
}

/** Labels the editors' textareas now and whenever GraphiQL adds one. */
export function labelEditors(root: Element): void {
  new MutationObserver(() => label(root)).observe(root, { childList: true, subtree: true });
}
