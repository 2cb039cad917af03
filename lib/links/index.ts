export { QUERY_CREDENTIALS, readLink } from './read-link';
export { linkCleanupNotice } from './cleanup-notice';
export { linkFragment, writeLink } from './write-link';
export { describeLink, linkGrantsSigning } from './describe-link';
export { isLinkTooLong, LONG_LINK_WARNING_CHARS, longLinkWarning } from './length';
export { LINK_PARAMS } from './params';
export { asInstant, parseInstant } from './instant';
export type { LinkMode, LinkSource, LinkState, ReadLinkResult, SecretEncoding } from './types';
