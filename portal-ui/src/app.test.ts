// @vitest-environment happy-dom
/// <reference types="node" />
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { LANG_STORAGE_KEY, startApp, type AppDeps } from './app';

// The real page markup, so the test notices when index.html and the code drift apart.
// Only the <body> is used: the test needs no styles or scripts from <head>.
// (Plain paths: under happy-dom the global URL class is happy-dom's, not Node's.)
const indexHtml = readFileSync(join(dirname(fileURLToPath(import.meta.url)), '../index.html'), 'utf8');
const bodyHtml = /<body>([\s\S]*)<\/body>/.exec(indexHtml)![1];

const FATIMA = {
  name: 'Fatima El Amrani',
  givenName: 'Fatima',
  roles: ['client'],
  previousLoginAt: '2026-11-24T10:03:00Z',
};

function json(status: number, body: unknown, type = 'application/json'): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': type } });
}

/** A fake fetch answering from a queue; records every call. */
function fakeFetch(...answers: Array<Response | Error>) {
  return vi.fn(async (_input: string, _init?: RequestInit) => {
    const next = answers.shift();
    if (!next) throw new Error('unexpected fetch');
    if (next instanceof Error) throw next;
    return next;
  });
}

function memoryStorage(initial: Record<string, string> = {}) {
  const data = new Map(Object.entries(initial));
  return {
    getItem: (key: string) => data.get(key) ?? null,
    setItem: (key: string, value: string) => void data.set(key, value),
    data,
  };
}

function start(fetch: ReturnType<typeof fakeFetch>, overrides: Partial<AppDeps> = {}) {
  const navigate = vi.fn();
  const storage = memoryStorage();
  const app = startApp({
    doc: document, fetch, navigate, storage, baseUrl: 'https://portal.example/', ...overrides,
  });
  return { app, navigate, storage };
}

const heading = () => document.querySelector('h1')!.textContent;
const status = () => document.getElementById('status')!.textContent;
const button = (name: string) =>
  [...document.querySelectorAll('button')].find((b) => b.textContent === name)!;
const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

beforeEach(() => {
  document.body.replaceChildren();
  document.body.insertAdjacentHTML('afterbegin', bodyHtml); // trusted, static test markup
  document.documentElement.lang = 'nl';
});

describe('portal page', () => {
  it('greets a signed-in client by full name, with the previous login', async () => {
    const fetch = fakeFetch(json(200, FATIMA));
    await start(fetch).app.ready;

    expect(heading()).toBe('Welkom, Fatima El Amrani');
    expect(document.body.textContent).toContain('Je was eerder ingelogd op 24 november 2026 om 11:03.');
    expect(document.querySelectorAll('h1')).toHaveLength(1);
    expect(status()).toBe('');
    const [url, init] = fetch.mock.calls[0];
    expect(url).toBe('/bff/me');
    expect(init).toMatchObject({ method: 'GET', credentials: 'same-origin', headers: { Accept: 'application/json' } });
  });

  it('says so on a first login', async () => {
    await start(fakeFetch(json(200, { ...FATIMA, previousLoginAt: null }))).app.ready;
    expect(document.body.textContent).toContain('Dit is de eerste keer dat je inlogt.');
  });

  it('renders names as text, never as markup', async () => {
    const name = '<img src=x onerror=alert(1)>';
    await start(fakeFetch(json(200, { ...FATIMA, name }))).app.ready;
    expect(heading()).toBe(`Welkom, ${name}`);
    expect(document.querySelector('img')).toBeNull();
  });

  it('explains the portal and links to the login when not signed in', async () => {
    await start(fakeFetch(json(401, { title: 'Unauthorized' }, 'application/problem+json'))).app.ready;

    expect(heading()).toBe('Welkom bij Mijn re-integratie');
    expect(document.body.textContent).toContain('wie jouw gegevens heeft gekregen');
    const login = [...document.querySelectorAll('a')].find((a) => a.textContent === 'Inloggen')!;
    expect(login.getAttribute('href')).toBe('/bff/login');
  });

  it('shows an error with the problem title and retries', async () => {
    const fetch = fakeFetch(
      json(503, { title: 'Dienst tijdelijk niet beschikbaar', status: 503 }, 'application/problem+json'),
      json(200, FATIMA),
    );
    await start(fetch).app.ready;

    expect(heading()).toBe('Er ging iets mis');
    expect(status()).toContain('Dit ligt niet aan jou.');
    expect(document.body.textContent).toContain('Melding: Dienst tijdelijk niet beschikbaar');

    button('Opnieuw proberen').click();
    await flush();
    expect(heading()).toBe('Welkom, Fatima El Amrani');
    expect(document.activeElement).toBe(document.querySelector('h1'));
  });

  it('shows an error when the network fails', async () => {
    await start(fakeFetch(new TypeError('Failed to fetch'))).app.ready;
    expect(heading()).toBe('Er ging iets mis');
    expect(button('Opnieuw proberen')).toBeDefined();
  });

  it('logs out with the CSRF header and follows the redirect', async () => {
    const fetch = fakeFetch(
      json(200, FATIMA),
      json(200, { redirect: 'http://127.0.0.1:8180/realms/reintegratie/protocol/openid-connect/logout?x=1' }),
    );
    const { app, navigate } = start(fetch);
    await app.ready;

    button('Uitloggen').click();
    await flush();

    const [url, init] = fetch.mock.calls[1];
    expect(url).toBe('/bff/logout');
    expect(init).toMatchObject({ method: 'POST', credentials: 'same-origin', headers: { 'X-Portal-Request': '1' } });
    expect(navigate).toHaveBeenCalledWith('http://127.0.0.1:8180/realms/reintegratie/protocol/openid-connect/logout?x=1');
    expect(status()).toBe('Je wordt uitgelogd.');
  });

  it('refuses a non-http logout redirect', async () => {
    const fetch = fakeFetch(json(200, FATIMA), json(200, { redirect: 'javascript:alert(1)' }));
    const { app, navigate } = start(fetch);
    await app.ready;

    button('Uitloggen').click();
    await flush();
    expect(navigate).not.toHaveBeenCalled();
    expect(status()).toBe('Uitloggen is niet gelukt. Probeer het nog een keer.');
  });

  it('switches to English, remembers it, and updates <html lang>', async () => {
    const { app, storage } = start(fakeFetch(json(200, FATIMA)));
    await app.ready;

    button('English').click();
    expect(document.documentElement.lang).toBe('en');
    expect(heading()).toBe('Welcome, Fatima El Amrani');
    expect(document.body.textContent).toContain('You last logged in on 24 November 2026 at 11:03.');
    expect(button('Nederlands').lang).toBe('nl');
    expect(storage.data.get(LANG_STORAGE_KEY)).toBe('en');
  });

  it('starts in the stored language', async () => {
    const storage = memoryStorage({ [LANG_STORAGE_KEY]: 'en' });
    await start(fakeFetch(json(401, {})), { storage }).app.ready;
    expect(document.documentElement.lang).toBe('en');
    expect(heading()).toBe('Welcome to My re-integration');
    expect(document.title).toBe('My re-integration');
  });
});
