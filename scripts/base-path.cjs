// Shared by next.config.js and the build scripts, so every tool agrees on
// what a base path looks like: '' for the root, otherwise '/a/b' (leading
// slash, no trailing slash, no empty or dot segments).

/**
 * @param {string | undefined} raw
 * @returns {string}
 */
function normaliseBasePath(raw) {
  const trimmed = (raw ?? '').trim();
  if (trimmed === '' || trimmed === '/') return '';
  const segments = trimmed.split('/').filter((segment) => segment !== '');
  for (const segment of segments) {
    if (segment === '.' || segment === '..' || !/^[A-Za-z0-9._~-]+$/.test(segment)) {
      throw new Error(`BASE_PATH "${raw}" has an unusable segment "${segment}": use letters, digits, '.', '_', '~' or '-'.`);
    }
  }
  return '/' + segments.join('/');
}

module.exports = { normaliseBasePath };
