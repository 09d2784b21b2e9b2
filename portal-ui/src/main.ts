// Browser entry point: wires the app to the real window. Loaded as an external module
// script (the CSP allows no inline script).
import { startApp } from './app';

function localStorageOrNull(): Storage | null {
  try {
    return window.localStorage; // throws when storage is disabled
  } catch {
    return null;
  }
}

startApp({
  doc: document,
  fetch: (input, init) => window.fetch(input, init),
  navigate: (url) => window.location.assign(url),
  storage: localStorageOrNull(),
  baseUrl: window.location.href,
});
