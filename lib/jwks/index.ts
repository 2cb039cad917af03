export { fetchJwks, discoverJwks } from './fetch-jwks';
export { checkFetchUrl, discoveryUrls } from './urls';
export { DEFAULT_TIMEOUT_MS } from './request';
export type { FetchedUrl, JwksFetchOptions, JwksFetchResult } from './types';
