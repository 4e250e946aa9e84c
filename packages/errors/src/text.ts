// A message of the registry with its details, kept apart from its wording until the request's language
// is known: each registered message is an English and a Welsh template naming the same {parameters}.
import type { ErrorCode } from './codes.ts';
import { MESSAGES } from './messages.ts';

/** The two languages the platform answers in. */
export type Language = 'en' | 'cy';

/** A detail in a message: a value shown as it is, a value worded per language, or another message. */
export type Param = string | number | { readonly en: string; readonly cy: string } | Text;

/** A registered message and its details, worded when it is rendered. */
export interface Text {
  readonly code: ErrorCode;
  readonly name: string;
  readonly params: Readonly<Record<string, Param>>;
}

type Catalogue = typeof MESSAGES;
export type MessageName<C extends ErrorCode> = keyof Catalogue[C] & string;
type EnglishOf<C extends ErrorCode, N extends MessageName<C>> = Catalogue[C][N] extends { readonly en: infer T extends string } ? T : never;

/** The names between braces in a template: 'no PEP {id} in {authority}' → 'id' | 'authority'. */
export type ParamNames<T extends string> = T extends `${string}{${infer P}}${infer Rest}` ? P | ParamNames<Rest> : never;

export type ParamsOf<C extends ErrorCode, N extends MessageName<C>> = { readonly [K in ParamNames<EnglishOf<C, N>>]: Param };

/** The details argument: required when the template names any, absent when it names none. */
type ParamsArgument<C extends ErrorCode, N extends MessageName<C>> = [ParamNames<EnglishOf<C, N>>] extends [never] ? [] : [params: ParamsOf<C, N>];

const NO_PARAMS: Readonly<Record<string, Param>> = {};

/** A registered message with its details, typed by its template: `message('NOT_FOUND', 'noPep', { id, authority })`. */
export function message<C extends ErrorCode, N extends MessageName<C>>(code: C, name: N, ...params: ParamsArgument<C, N>): Text {
  return { code, name, params: params[0] ?? NO_PARAMS };
}

export function isText(value: unknown): value is Text {
  return typeof value === 'object' && value !== null && 'code' in value && 'name' in value && 'params' in value;
}

/** The template of a registered message in a language. */
export function templateOf(code: ErrorCode, name: string, language: Language): string {
  const entry = (MESSAGES[code] as Readonly<Record<string, { readonly en: string; readonly cy: string }>>)[name];
  if (!entry) throw new Error(`no message ${code}.${name} in the registry`);
  return entry[language];
}

const PARAMETER = /\{(\w+)\}/g;

function renderParam(value: Param | undefined, language: Language): string {
  if (value === undefined) return '';
  if (typeof value === 'string' || typeof value === 'number') return String(value);
  if (isText(value)) return render(value, language);
  return value[language];
}

/** The message's wording in a language, its details put in. */
export function render(text: Text, language: Language): string {
  return templateOf(text.code, text.name, language).replace(PARAMETER, (_, key: string) => renderParam(text.params[key], language));
}
