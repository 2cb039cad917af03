/** Catalog sources: { [language]: { [part]: { [id]: ICU message } } }. */
export type CatalogSources = Record<string, Record<string, Record<string, string>>>;

export const MESSAGES_DIR: string;
export const COMPILED_DIR: string;
export const SOURCE_LOCALE: 'en';
export function readSources(dir?: string): CatalogSources;
export function compiledFiles(sources?: CatalogSources): Record<string, string>;
