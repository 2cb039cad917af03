import { LANGUAGE_STORAGE_KEY } from './choose';
import { LOCALES } from './locales';

/** The language the boot script chose for this visit (before React starts). */
export const LANGUAGE_ATTRIBUTE = 'data-language';
/** Set while a language other than English is loading: the views wait hidden, rather than flash English. */
export const LANGUAGE_PENDING_ATTRIBUTE = 'data-language-pending';

/** How long the views wait hidden for their language: should its code never arrive, the page shows in English. */
const LANGUAGE_WAIT_MS = 4000;

/**
 * Runs inline in <head>: picks the visit's language as `chooseLocale` does (a link's
 * `lang`, then the remembered choice, then `navigator.languages`; a unit test holds
 * the two to the same answers) and marks <html> with it. Kept dependency-free; its
 * hash is put in the CSP.
 */
export const languageBootScript = `(function(){try{var L=${JSON.stringify(LOCALES)},K=${JSON.stringify(LANGUAGE_STORAGE_KEY)};
function exact(t){if(typeof t!=='string')return null;for(var i=0;i<L.length;i++)if(L[i]===t)return t;return null}
function match(t){var n=String(t).trim().toLowerCase();if(!n)return null;var i;for(i=0;i<L.length;i++)if(L[i].toLowerCase()===n)return L[i];var g=n.split(/[-_]/)[0];for(i=0;i<L.length;i++)if(L[i].toLowerCase().split('-')[0]===g)return L[i];return null}
var h=location.hash.slice(1),q=h.indexOf('?');if(q>=0)h=h.slice(q+1);
var c=exact(new URLSearchParams(h).get('lang'))||exact(new URLSearchParams(location.search).get('lang'));
if(!c){try{c=exact(localStorage.getItem(K))}catch(_){}}
if(!c){var w=navigator.languages&&navigator.languages.length?navigator.languages:[navigator.language||''];for(var j=0;j<w.length&&!c;j++)c=match(w[j])}
c=c||'en';var e=document.documentElement;e.setAttribute(${JSON.stringify(LANGUAGE_ATTRIBUTE)},c);if(c!=='en'){e.setAttribute(${JSON.stringify(LANGUAGE_PENDING_ATTRIBUTE)},'');setTimeout(function(){e.removeAttribute(${JSON.stringify(LANGUAGE_PENDING_ATTRIBUTE)})},${LANGUAGE_WAIT_MS})}}catch(_){}})()`;
