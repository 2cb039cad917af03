// npm start: build when the site is missing or older than the sources, then
// serve it with our security headers on PORT (default 3000).
import { ensureBuilt, serveSite } from './site.mjs';

const port = Number(process.env.PORT ?? 3000);
const host = process.env.HOST ?? '0.0.0.0';
const manifest = await ensureBuilt();
const server = await serveSite(manifest, { port, host });
console.log(`\nJWT Workbench is ready at ${server.url}`);
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => server.stop().then(() => process.exit(0)));
}
