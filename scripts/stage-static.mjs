// Lays out a finished build for a plain static web server (the Docker image
// uses it): <dest>/www<base path>/ holds the site, <dest>/nginx.conf and
// <dest>/Caddyfile its server configuration with this build's headers.
//   BASE_PATH=/tools/jwt node scripts/stage-static.mjs /srv
import { cp, mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { createRequire } from 'node:module';
import { ROOT, currentBuild } from './site.mjs';
import { deployDirFor } from './deploy-configs.mjs';

const require = createRequire(import.meta.url);
const { normaliseBasePath } = require('./base-path.cjs');

const dest = process.argv[2];
if (!dest) {
  console.error('Usage: node scripts/stage-static.mjs <destination folder>');
  process.exit(2);
}
const basePath = normaliseBasePath(process.env.BASE_PATH);
const build = currentBuild(basePath);
if (!build) {
  console.error(`No current build for base path "${basePath || '/'}": run npm run build (with the same BASE_PATH) first.`);
  process.exit(1);
}
const www = path.join(dest, 'www', ...basePath.split('/').filter(Boolean));
await rm(path.join(dest, 'www'), { recursive: true, force: true });
await mkdir(path.dirname(www), { recursive: true });
await cp(build.outDir, www, { recursive: true });
for (const name of ['nginx.conf', 'Caddyfile']) {
  await cp(path.join(deployDirFor(ROOT, basePath), name), path.join(dest, name));
}
console.log(`Staged ${build.outDir} as ${www}, with nginx.conf and Caddyfile in ${dest}.`);
