// The one registry of error codes and of the messages sent with them, in English and Welsh.
export { ERROR_CODES, type ErrorCode } from './codes.ts';
export { MESSAGES, type Template } from './messages.ts';
export { WORDS, eitherOf } from './messages-words.ts';
export { message, render, isText, templateOf, type Language, type MessageName, type Param, type ParamNames, type ParamsOf, type Text } from './text.ts';
export { platformError, textOf, errorJson, type ErrorJson, type ErrorOptions } from './errors.ts';
export { errorLanguagePlugin, requestLanguageOf, wordedIn } from './language-plugin.ts';
