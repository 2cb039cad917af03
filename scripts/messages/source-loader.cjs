// Turbopack loader for our own TypeScript: message IDs become short keys and each
// file registers the English it names (see inline-english.cjs).
const { inlineEnglish } = require('./inline-english.cjs');
const { messageKeys } = require('./message-keys.cjs');

module.exports = function sourceLoader(source) {
  const keys = messageKeys();
  for (const file of keys.files) this.addDependency?.(file);
  return inlineEnglish(source, this.resourcePath, keys).code;
};
