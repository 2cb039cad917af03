// @ts-check
const { normaliseBasePath } = require('./scripts/base-path.cjs');

/** The site is plain static files: it can be hosted anywhere, under any path. */
const basePath = normaliseBasePath(process.env.BASE_PATH);

/** @type {import('next').NextConfig} */
const nextConfig = {
  output: 'export',
  basePath,
  // Folders with index.html work on every static host without rewrite rules.
  trailingSlash: true,
  images: { unoptimized: true },
  reactStrictMode: true,
  // Types are checked once, by `npm test` (tsc --noEmit), not again in every build.
  typescript: { ignoreBuildErrors: true },
  poweredByHeader: false,
  productionBrowserSourceMaps: false,
  env: { NEXT_PUBLIC_BASE_PATH: basePath },
  turbopack: { rules: messageRules() },
};

/**
 * Message IDs in our own code become short keys, and each module brings the English of
 * the messages it names (scripts/messages): the first load carries the English it shows,
 * not whole catalogs keyed by long IDs.
 * @returns {import('next').NextConfig['turbopack'] extends infer T ? T extends { rules?: infer R } ? R : never : never}
 */
function messageRules() {
  // Turbopack keeps a loader's output while the file and options stay the same: the loaders'
  // own code is part of the options, so a change to it rewrites every file again.
  const version = require('node:crypto').createHash('sha256');
  for (const file of require('node:fs').readdirSync(`${__dirname}/scripts/messages`).sort()) {
    if (file.endsWith('.cjs')) version.update(require('node:fs').readFileSync(`${__dirname}/scripts/messages/${file}`));
  }
  const options = { version: version.digest('hex').slice(0, 16) };
  const ownCode = { all: [{ not: 'foreign' }, { path: /(?:^|[\\/])(?:app|components|lib)[\\/]/ }] };
  const source = { loaders: [{ loader: require.resolve('./scripts/messages/source-loader.cjs'), options }], condition: ownCode };
  return {
    '*.ts': source,
    '*.tsx': source,
    '*.json': {
      loaders: [{ loader: require.resolve('./scripts/messages/catalog-loader.cjs'), options }],
      condition: { path: /(?:^|[\\/])lib[\\/]i18n[\\/]compiled[\\/]/ },
      as: '*.js',
    },
  };
}

module.exports = nextConfig;
