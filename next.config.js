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
};

module.exports = nextConfig;
