import { describe, expect, it } from 'vitest';
import { GraphQLError } from 'graphql';
import {
  ERROR_CODES,
  MESSAGES,
  WORDS,
  errorLanguagePlugin,
  message,
  platformError,
  render,
  requestLanguageOf,
  type ErrorCode,
  type ParamNames,
  type Template,
} from './index.ts';

const names = (template: string) => [...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
const every = Object.entries(MESSAGES).flatMap(([code, messages]) =>
  Object.entries(messages as Record<string, Template>).map(([name, t]) => [`${code}.${name}`, t] as const),
);

describe('the message registry', () => {
  it('has messages for every code, and for no code it does not register', () => {
    expect(Object.keys(MESSAGES).sort()).toEqual(Object.keys(ERROR_CODES).sort());
    for (const code of Object.keys(ERROR_CODES)) expect(Object.keys(MESSAGES[code as ErrorCode]).length).toBeGreaterThan(0);
  });

  it.each(every)('%s has a Welsh text, not the English one, naming the same details', (_, { en, cy }) => {
    expect(cy.trim()).not.toBe('');
    expect(cy).not.toBe(en);
    expect(names(cy)).toEqual(names(en));
  });

  it.each(Object.entries(WORDS))('the word %s has a Welsh text', (_, { cy }) => expect(cy.trim()).not.toBe(''));
});

describe('a message', () => {
  it('is worded with its details, nested messages and words in the same language', () => {
    const text = message('BAD_USER_INPUT', 'invalidUpn', { upn: 'X1', problem: message('BAD_USER_INPUT', 'upnLength') });
    expect(render(text, 'en')).toBe("upn: 'X1' is not a valid UPN (a UPN has 13 characters)");
    expect(render(text, 'cy')).toBe("upn: nid yw 'X1' yn UPN dilys (mae gan UPN 13 nod)");
    expect(render(message('NOT_FOUND', 'notHeld', { what: WORDS.learner, id: 'W06000015:L1', authority: 'W06000022' }), 'cy')).toBe(
      'nid yw W06000022 yn dal dysgwr W06000015:L1',
    );
  });

  it('is typed by its template: a missing detail does not compile', () => {
    const names: ParamNames<'no PEP {id} in {authority}'> = 'authority';
    expect(names).toBe('authority');
    // @ts-expect-error — 'authority' is missing
    expect(() => message('NOT_FOUND', 'noPep', { id: 'x' })).not.toThrow();
  });
});

describe('an error of a request', () => {
  const metIn = async (language: 'en' | 'cy', error: GraphQLError) => {
    const listener = await errorLanguagePlugin((c: { language: 'en' | 'cy' }) => c.language).requestDidStart();
    await listener.didEncounterErrors({ contextValue: { language }, errors: [error] });
    return error;
  };

  it('is worded in the request’s language, wrapped as graphql-js wraps it, keeping its code and extensions', async () => {
    const original = platformError(message('BAD_USER_INPUT', 'notALearnerId', { id: 'x' }), { field: 'id' });
    const located = new GraphQLError(original.message, { originalError: original, extensions: original.extensions });
    await metIn('cy', located);
    expect(located.message).toBe("nid yw 'x' yn ddynodydd dysgwr");
    expect(located.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'id' });
    expect(original.message).toBe("'x' is not a learner id");
    expect(requestLanguageOf(located)).toBe('cy');
  });

  it('stays English in an English request, and a library’s error is framed in Welsh', async () => {
    const english = await metIn('en', platformError(message('FORBIDDEN', 'noRule')));
    expect(english.message).toBe('no rule grants access to this field');
    const library = await metIn('cy', new GraphQLError('Cannot query field "x" on type "Query".', { extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } }));
    expect(library.message).toBe('nid yw\'r ymholiad yn cyd-fynd â sgema\'r API: Cannot query field "x" on type "Query".');
  });
});
