// Every English message ID of the workbench and the short key the built site uses for it
// (lib/i18n/registration.ts reads the same keys back: keep the digits alike).
// In source code a message is named by its ID ("claims.expTitle"); the build writes a
// two- or three-character key in its place, in the code and in every catalog alike.
const { readdirSync, readFileSync, statSync } = require('node:fs');
const path = require('node:path');

const ENGLISH_DIR = path.join(__dirname, '..', '..', 'lib', 'i18n', 'compiled', 'en');
const DIGITS = '0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';

/** The n-th short key: 0, 1, … z, A, … Z, 10, 11, … */
function shortKey(index) {
  let key = '';
  let rest = index;
  do {
    key = DIGITS[rest % DIGITS.length] + key;
    rest = Math.floor(rest / DIGITS.length);
  } while (rest > 0);
  return key;
}

/** IDs sorted, each with its key and compiled English message, from the compiled English parts in `englishDir`. */
function readMessageKeys(englishDir = ENGLISH_DIR) {
  const english = new Map();
  for (const file of readdirSync(englishDir).filter((name) => name.endsWith('.json')).sort()) {
    const part = JSON.parse(readFileSync(path.join(englishDir, file), 'utf8'));
    for (const [id, message] of Object.entries(part)) english.set(id, message);
  }
  const ids = [...english.keys()].sort();
  const keyOf = new Map(ids.map((id, index) => [id, shortKey(index)]));
  const indexOf = new Map(ids.map((id, index) => [id, index]));
  return { keyOf, indexOf, english, files: readdirSync(englishDir).map((name) => path.join(englishDir, name)) };
}

let cached = null;

/** The keys of the compiled English catalogs as they are now (read again when a file changed). */
function messageKeys() {
  const stamp = readdirSync(ENGLISH_DIR)
    .map((name) => `${name}:${statSync(path.join(ENGLISH_DIR, name)).mtimeMs}`)
    .join('|');
  if (!cached || cached.stamp !== stamp) cached = { stamp, keys: readMessageKeys() };
  return cached.keys;
}

module.exports = { shortKey, readMessageKeys, messageKeys, ENGLISH_DIR };
