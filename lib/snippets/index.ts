export { generateSnippets, type Snippet, type SnippetInput, type SnippetKey, type SnippetLang } from './snippets';
export { snippetKeyFromText } from './key-of';
