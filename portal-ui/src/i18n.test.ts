import { describe, expect, it } from 'vitest';
import { isLang, previousLoginText, t } from './i18n';

describe('t', () => {
  it('looks up Dutch and English texts', () => {
    expect(t('nl', 'login')).toBe('Inloggen');
    expect(t('en', 'login')).toBe('Log in');
  });

  it('fills in placeholders and leaves unknown ones visible', () => {
    expect(t('nl', 'greeting', { name: 'Fatima El Amrani' })).toBe('Welkom, Fatima El Amrani');
    expect(t('en', 'greeting', {})).toBe('Welcome, {name}');
  });

  it('does not interpret replacement patterns inside values', () => {
    expect(t('nl', 'greeting', { name: "$& $' {name}" })).toBe("Welkom, $& $' {name}");
  });
});

describe('previousLoginText', () => {
  it('formats the previous login in Amsterdam time, in the chosen language', () => {
    expect(previousLoginText('nl', '2026-11-24T10:03:00Z'))
      .toBe('Je was eerder ingelogd op 24 november 2026 om 11:03.');
    expect(previousLoginText('en', '2026-11-24T10:03:00Z'))
      .toBe('You last logged in on 24 November 2026 at 11:03.');
  });

  it('uses summer time in summer', () => {
    expect(previousLoginText('nl', '2026-07-01T22:30:00Z'))
      .toBe('Je was eerder ingelogd op 2 juli 2026 om 00:30.');
  });

  it('says it is the first login when there is no previous one', () => {
    expect(previousLoginText('nl', null)).toBe('Dit is de eerste keer dat je inlogt.');
  });

  it('shows nothing for an unreadable timestamp', () => {
    expect(previousLoginText('nl', 'gisteren')).toBeNull();
  });
});

describe('isLang', () => {
  it('accepts only the supported languages', () => {
    expect(isLang('nl')).toBe(true);
    expect(isLang('en')).toBe(true);
    expect(isLang('de')).toBe(false);
    expect(isLang(null)).toBe(false);
  });
});
