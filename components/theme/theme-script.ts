/** Where the chosen theme is remembered. Only this preference is stored: never tokens or keys. */
export const THEME_STORAGE_KEY = 'jwt-workbench-theme';

export type ThemeChoice = 'light' | 'dark' | 'system';

/**
 * Runs inline in <head>, before first paint, so a dark-mode user never sees
 * a white flash. Kept tiny and dependency-free; its hash is put in the CSP.
 */
export const themeBootScript = `(function(){try{var c=localStorage.getItem(${JSON.stringify(
  THEME_STORAGE_KEY,
)});if(c!=='light'&&c!=='dark')c='system';var d=c==='dark'||(c==='system'&&matchMedia('(prefers-color-scheme: dark)').matches);var e=document.documentElement;e.classList.toggle('dark',d);e.setAttribute('data-theme',c)}catch(_){}})()`;
