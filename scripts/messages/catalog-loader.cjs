// Turbopack loader for compiled catalogs. A part's English catalog becomes empty: its
// messages come with the code that names them. Another language's catalog is keyed
// by the same short keys as the code.
const path = require('node:path');
const { rekeyCatalog } = require('./inline-english.cjs');
const { messageKeys } = require('./message-keys.cjs');

module.exports = function catalogLoader(source) {
  const keys = messageKeys();
  for (const file of keys.files) this.addDependency?.(file);
  if (path.basename(path.dirname(this.resourcePath)) === 'en') return 'export default {};\n';
  const catalog = rekeyCatalog(JSON.parse(source), keys);
  // JSON.parse of a string literal is parsed faster than the same object as code.
  return `export default JSON.parse(${JSON.stringify(JSON.stringify(catalog))});\n`;
};
