// npm run messages: compiles the message catalogs (ICU MessageFormat, in
// lib/i18n/messages/<language>/<part>.json) into the form the page formats
// without a parser (lib/i18n/compiled). English is compiled per part, so each
// part of the page brings only its own English; every other language into one
// file, loaded when that language is chosen. `--check` only says whether the
// compiled files are up to date (exit 1 when not).
import { readdirSync, readFileSync, writeFileSync, mkdirSync, existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { compileMessageOrThrow } from '@lingui/message-utils/compileMessage';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const MESSAGES_DIR = path.join(ROOT, 'lib/i18n/messages');
export const COMPILED_DIR = path.join(ROOT, 'lib/i18n/compiled');
export const SOURCE_LOCALE = 'en';

function readJson(file) {
  return JSON.parse(readFileSync(file, 'utf8'));
}

/** Every catalog source: { [language]: { [part]: { [id]: icu } } }. */
export function readSources(dir = MESSAGES_DIR) {
  const sources = {};
  for (const language of readdirSync(dir).sort()) {
    sources[language] = {};
    for (const file of readdirSync(path.join(dir, language)).sort()) {
      if (file.endsWith('.json')) sources[language][file.slice(0, -'.json'.length)] = readJson(path.join(dir, language, file));
    }
  }
  return sources;
}

function compileOne(id, message) {
  try {
    return compileMessageOrThrow(message);
  } catch (error) {
    throw new Error(`Message ${id} is not valid ICU MessageFormat (a literal { or } is written '{' or '}'): ${error.message}`);
  }
}

function compileAll(messages) {
  return Object.fromEntries(Object.keys(messages).sort().map((id) => [id, compileOne(id, messages[id])]));
}

/** The compiled files, as { [path relative to COMPILED_DIR]: text }. */
export function compiledFiles(sources = readSources()) {
  const files = {};
  for (const [language, parts] of Object.entries(sources)) {
    if (language === SOURCE_LOCALE) {
      for (const [part, messages] of Object.entries(parts)) files[`${SOURCE_LOCALE}/${part}.json`] = `${JSON.stringify(compileAll(messages))}\n`;
    } else {
      files[`${language}.json`] = `${JSON.stringify(compileAll(Object.assign({}, ...Object.values(parts))))}\n`;
    }
  }
  return files;
}

function main() {
  const check = process.argv.includes('--check');
  const stale = [];
  for (const [relative, text] of Object.entries(compiledFiles())) {
    const file = path.join(COMPILED_DIR, relative);
    const current = existsSync(file) ? readFileSync(file, 'utf8') : null;
    if (current === text) continue;
    stale.push(relative);
    if (!check) {
      mkdirSync(path.dirname(file), { recursive: true });
      writeFileSync(file, text);
    }
  }
  if (check && stale.length > 0) {
    console.error(`Compiled catalogs out of date (run npm run messages): ${stale.join(', ')}`);
    process.exit(1);
  }
  if (!check) console.log(stale.length ? `Compiled ${stale.join(', ')}` : 'Compiled catalogs already up to date');
}

if (process.argv[1] === fileURLToPath(import.meta.url)) main();
