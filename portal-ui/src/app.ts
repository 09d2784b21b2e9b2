// The placeholder portal page: who am I (GET /bff/me), log in, log out, language switch.
// Everything is built with DOM calls and textContent, never innerHTML: names come from
// the identity provider and must never be parsed as HTML. No inline styles either (the
// gateway's CSP has style-src 'self'): visual state goes through CSS classes only.

import { fetchMe, logout, type FetchFn, type MeResult } from './api';
import { DEFAULT_LANG, isLang, previousLoginText, t, type Lang, type TextKey } from './i18n';

export const LANG_STORAGE_KEY = 'portal.lang';

export interface AppDeps {
  doc: Document;
  fetch: FetchFn;
  /** Full-page navigation (location.assign in the browser). */
  navigate: (url: string) => void;
  /** localStorage, or null when the browser refuses it (private mode, policies). */
  storage: Pick<Storage, 'getItem' | 'setItem'> | null;
  /** Base for resolving the logout redirect, normally location.href. */
  baseUrl: string;
}

type View = { kind: 'loading' } | MeResult;

export interface App {
  /** Resolves when the first /bff/me answer has been rendered (used by tests). */
  ready: Promise<void>;
}

export function startApp(deps: AppDeps): App {
  const { doc } = deps;
  const heading = byId(doc, 'page-heading');
  const status = byId(doc, 'status');
  const content = byId(doc, 'content');
  const langSwitch = byId(doc, 'lang-switch');

  let lang = readLang(deps.storage);
  let view: View = { kind: 'loading' };
  let statusKey: TextKey | null = null;
  let busy = false;

  function render(): void {
    renderChrome();
    content.replaceChildren(...viewNodes());
    status.textContent = statusKey ? t(lang, statusKey) : '';
    status.classList.toggle('is-busy', statusKey === 'loading' || statusKey === 'loggingOut');
  }

  function renderChrome(): void {
    doc.documentElement.lang = lang;
    doc.title = t(lang, 'pageTitle');
    doc.querySelectorAll<HTMLElement>('[data-i18n]').forEach((node) => {
      node.textContent = t(lang, node.dataset.i18n as TextKey);
    });
    // The switch names the other language in that language, and says so to screen readers.
    langSwitch.textContent = t(lang, 'switchLabel');
    langSwitch.lang = otherLang(lang);
  }

  function viewNodes(): Node[] {
    switch (view.kind) {
      case 'loading':
        heading.textContent = t(lang, 'siteName');
        return [];
      case 'anonymous': {
        heading.textContent = t(lang, 'anonTitle');
        const list = el(doc, 'ul', 'points');
        list.append(
          el(doc, 'li', null, t(lang, 'anonPoint1')),
          el(doc, 'li', null, t(lang, 'anonPoint2')),
          el(doc, 'li', null, t(lang, 'anonPoint3')),
        );
        // A plain link: the login is a full-page redirect chain via the identity provider.
        const login = el(doc, 'a', 'button button-primary', t(lang, 'login'));
        login.setAttribute('href', '/bff/login');
        return [
          el(doc, 'p', 'lead', t(lang, 'anonIntro')),
          el(doc, 'p', null, t(lang, 'anonListIntro')),
          list,
          login,
        ];
      }
      case 'signed-in': {
        heading.textContent = t(lang, 'greeting', { name: view.me.name });
        const nodes: Node[] = [];
        const previous = previousLoginText(lang, view.me.previousLoginAt);
        if (previous) {
          nodes.push(el(doc, 'p', 'lead', previous));
        }
        const button = el(doc, 'button', 'button button-secondary', t(lang, 'logout'));
        button.setAttribute('type', 'button');
        button.addEventListener('click', onLogout);
        nodes.push(button);
        return nodes;
      }
      case 'error': {
        heading.textContent = t(lang, 'errorTitle');
        const nodes: Node[] = [];
        if (view.title) {
          nodes.push(el(doc, 'p', 'detail', t(lang, 'errorDetail', { title: view.title })));
        }
        const button = el(doc, 'button', 'button button-primary', t(lang, 'retry'));
        button.setAttribute('type', 'button');
        button.addEventListener('click', () => void load(true));
        nodes.push(button);
        return nodes;
      }
    }
  }

  async function load(userAction: boolean): Promise<void> {
    view = { kind: 'loading' };
    statusKey = 'loading';
    render();
    view = await fetchMe(deps.fetch);
    statusKey = view.kind === 'error' ? 'errorText' : null;
    render();
    if (userAction) {
      // The retry button is gone; put keyboard and screen-reader focus on the new heading.
      heading.focus();
    }
  }

  async function onLogout(): Promise<void> {
    if (busy) {
      return;
    }
    busy = true;
    statusKey = 'loggingOut';
    render();
    const result = await logout(deps.fetch, deps.baseUrl);
    busy = false;
    if (result.kind === 'redirect') {
      deps.navigate(result.url); // keeps "Je wordt uitgelogd." on screen while leaving
    } else if (result.kind === 'already-logged-out') {
      await load(true);
    } else {
      statusKey = 'logoutFailed';
      render();
    }
  }

  langSwitch.addEventListener('click', () => {
    lang = otherLang(lang);
    try {
      deps.storage?.setItem(LANG_STORAGE_KEY, lang);
    } catch {
      // Storage full or blocked: the switch still works for this page view.
    }
    render();
  });

  return { ready: load(false) };
}

function readLang(storage: AppDeps['storage']): Lang {
  try {
    const stored = storage?.getItem(LANG_STORAGE_KEY);
    return isLang(stored) ? stored : DEFAULT_LANG;
  } catch {
    return DEFAULT_LANG;
  }
}

function otherLang(lang: Lang): Lang {
  return lang === 'nl' ? 'en' : 'nl';
}

function byId(doc: Document, id: string): HTMLElement {
  const node = doc.getElementById(id);
  if (!node) {
    throw new Error(`index.html lacks #${id}`);
  }
  return node;
}

function el<K extends keyof HTMLElementTagNameMap>(
  doc: Document, tag: K, className: string | null, text?: string,
): HTMLElementTagNameMap[K] {
  const node = doc.createElement(tag);
  if (className) {
    node.className = className;
  }
  if (text !== undefined) {
    node.textContent = text;
  }
  return node;
}
