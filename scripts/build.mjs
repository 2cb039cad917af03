// npm run build: the static site in out/ (or out-<base path>/ with BASE_PATH),
// with its inline scripts hashed for the Content-Security-Policy.
import { buildSite } from './site.mjs';

const manifest = await buildSite();
console.log(`\nBuilt ${manifest.pages} pages into ${manifest.outDir} (base path "${manifest.basePath || '/'}"), ${manifest.scriptHashes.length} inline script hashes in the CSP.`);
