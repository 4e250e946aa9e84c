// Words a request's errors in the request's language. Errors are built before the language matters
// (deep in a resolver, or shared), so the language is picked once per request, by its context, and
// applied here to the errors it met, just before Apollo Server formats them: nothing is done for a
// request without errors, and an English request's errors stay as they were built (except a library's
// enum errors, said again in the registry's words: library-input.ts).
import type { DocumentNode, GraphQLError, GraphQLSchema } from 'graphql';
import { explainLibraryInputError } from './library-input.ts';
import { textOf } from './errors.ts';
import { message, render, type Language, type Text } from './text.ts';

const REQUEST_LANGUAGE = new WeakMap<object, Language>();

// Library errors with a registered code but the library's own English: Welsh frames them.
const LIBRARY_MESSAGES: Readonly<Record<string, (detail: string) => Text>> = {
  GRAPHQL_PARSE_FAILED: (detail) => message('GRAPHQL_PARSE_FAILED', 'syntax', { detail }),
  GRAPHQL_VALIDATION_FAILED: (detail) => message('GRAPHQL_VALIDATION_FAILED', 'invalid', { detail }),
  PERSISTED_QUERY_NOT_SUPPORTED: (detail) => message('PERSISTED_QUERY_NOT_SUPPORTED', 'notSupported', { detail }),
};

/** The error's message in a language: its registered message worded again, or a library's framed. */
export function wordedIn(error: GraphQLError, language: Language): string {
  if (language === 'en') return error.message;
  const text = textOf(error);
  if (text) return render(text, language);
  const code = error.extensions['code'];
  const library = typeof code === 'string' ? LIBRARY_MESSAGES[code] : undefined;
  return library ? render(library(error.message), language) : error.message;
}

/** The language of the request an error was met in (for error formatters, which are not told the request). */
export function requestLanguageOf(error: unknown): Language {
  return (typeof error === 'object' && error !== null && REQUEST_LANGUAGE.get(error)) || 'en';
}

interface ErrorsMet<C> {
  readonly contextValue: C;
  readonly errors: readonly GraphQLError[];
  /** The schema and document the request met its errors against (absent in unit tests and before parsing). */
  readonly schema?: GraphQLSchema;
  readonly document?: DocumentNode;
}

/** An Apollo Server plugin wording each request's errors in `languageOf(context)`. */
export function errorLanguagePlugin<C>(languageOf: (context: C) => Language) {
  const listener = {
    async didEncounterErrors({ contextValue, errors, schema, document }: ErrorsMet<C>): Promise<void> {
      const language = contextValue ? languageOf(contextValue) : 'en';
      for (const error of errors) {
        explainLibraryInputError(error, schema, document);
        REQUEST_LANGUAGE.set(error, language);
        if (language !== 'en') error.message = wordedIn(error, language);
      }
    },
  };
  return { requestDidStart: async () => listener };
}
