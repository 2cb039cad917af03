export { generateSnippets, type Snippet, type SnippetInput, type SnippetKey, type SnippetLang, type SnippetSet } from './snippets';
export { snippetKeyFromText } from './key-of';
export { snippetFieldsOf, type SnippetFields } from './fields-of';
export { SNIPPET_ALGORITHMS, type SnippetAlgorithm } from './algorithms';
