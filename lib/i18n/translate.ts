import { setupI18n, type Messages, type Values } from '@lingui/core';
import { DEFAULT_LOCALE, type Locale } from './locales';
import { messagesOfRuns, type EnglishRuns } from './registration';

// English is always there; it is also what a message missing from another catalog falls
// back to. Both instances read the one object that English messages are added to.
const englishMessages: Messages = {};
const english = setupI18n({ locale: DEFAULT_LOCALE, messages: { [DEFAULT_LOCALE]: englishMessages } });
const active = setupI18n({
  locale: DEFAULT_LOCALE,
  messages: { [DEFAULT_LOCALE]: englishMessages },
  missing: (_locale, id) => english._(id),
});

/**
 * Adds compiled English messages. The build calls this from every module that names a
 * message, with exactly those messages (as runs of short keys, lib/i18n/registration),
 * so a chunk brings the English it shows and no more. Adding English changes no text
 * already shown, so nobody is told.
 */
export function registerEnglishMessages(compiled: Messages | EnglishRuns) {
  Object.assign(englishMessages, Array.isArray(compiled) ? messagesOfRuns(compiled) : compiled);
}

/** A translating function for one part of the workbench, whose English messages (compiled) come with it. */
export type Translate<Id extends string> = (id: Id, values?: Values) => string;

/**
 * Registers a part's English messages (in the built site the build has emptied the
 * part's catalog: each module brings its own) and returns its translating function.
 * Its messages follow whichever language is active when it is called.
 */
export function messagesFor<Id extends string>(compiledEnglish: Record<Id, unknown>): Translate<Id> {
  registerEnglishMessages(compiledEnglish as Messages);
  return format;
}

// A message without arguments reads the same every time in one language: it is formatted
// once and then reused, as a render reads hundreds of labels. Forgotten whenever a
// language is activated or a catalog loaded.
const formattedPlain = new Map<string, string>();
english.on('change', () => formattedPlain.clear());
active.on('change', () => formattedPlain.clear());

function format(id: string, values?: Values): string {
  const instance = speakingEnglish ? english : active;
  if (values !== undefined) return instance._(id, values);
  const key = `${instance.locale}\u0000${id}`;
  let text = formattedPlain.get(key);
  if (text === undefined) {
    text = instance._(id);
    // A message not yet registered is not remembered: its English may still arrive.
    if (Object.prototype.hasOwnProperty.call(englishMessages, id)) formattedPlain.set(key, text);
  }
  return text;
}

// Set only while `inEnglish` runs (synchronously): text made for machines, not people.
let speakingEnglish = false;

/**
 * Runs `make` with every message in English, whatever language the page shows: for
 * values that automation reads (a `data-*` hook), which must not change with the language.
 */
export function inEnglish<T>(make: () => T): T {
  const before = speakingEnglish;
  speakingEnglish = true;
  try {
    return make();
  } finally {
    speakingEnglish = before;
  }
}

/** The language messages are formatted in now. */
export function activeLocale(): Locale {
  return active.locale as Locale;
}

/** Makes `locale` active with its whole catalog (compiled): every message is read from it from now on. */
export function activateLocale(locale: Locale, compiledCatalog: Messages = {}) {
  if (locale !== DEFAULT_LOCALE) active.load(locale, compiledCatalog);
  active.activate(locale);
}

/** Called whenever the active language (or a loaded catalog) changes; returns the unsubscribe. */
export function onLocaleChange(listener: () => void): () => void {
  return active.on('change', listener);
}
