// All user-facing text lives here. Dutch is the default; texts are written at B1 level
// (short sentences, everyday words) because many clients read Dutch as a second language.

export type Lang = 'nl' | 'en';
export const LANGS: readonly Lang[] = ['nl', 'en'];
export const DEFAULT_LANG: Lang = 'nl';

const nl = {
  pageTitle: 'Mijn re-integratie',
  siteName: 'Mijn re-integratie',
  skipLink: 'Naar de inhoud',
  // The switch is labelled in the language it switches TO, so people who cannot read
  // the current language still recognise it.
  switchLabel: 'English',
  loading: 'Even geduld. We halen je gegevens op.',
  anonTitle: 'Welkom bij Mijn re-integratie',
  anonIntro: 'Heb je een uitkering en werk je aan je terugkeer naar werk? Hier vind je je eigen re-integratiedossier.',
  anonListIntro: 'Na het inloggen kun je:',
  anonPoint1: 'zien welke re-integratietrajecten je hebt gehad;',
  anonPoint2: 'zien wie jouw gegevens heeft gekregen, en wanneer;',
  anonPoint3: 'je eigen verhaal toevoegen aan je dossier.',
  login: 'Inloggen',
  greeting: 'Welkom, {name}',
  previousLogin: 'Je was eerder ingelogd op {date} om {time}.',
  firstLogin: 'Dit is de eerste keer dat je inlogt.',
  logout: 'Uitloggen',
  loggingOut: 'Je wordt uitgelogd.',
  logoutFailed: 'Uitloggen is niet gelukt. Probeer het nog een keer.',
  errorTitle: 'Er ging iets mis',
  errorText: 'We kunnen je gegevens nu niet ophalen. Dit ligt niet aan jou. Probeer het over een paar minuten opnieuw.',
  errorDetail: 'Melding: {title}',
  retry: 'Opnieuw proberen',
  footer: 'Heb je vragen? Neem contact op met je klantmanager of je re-integratiebegeleider.',
} as const;

export type TextKey = keyof typeof nl;

const en: Record<TextKey, string> = {
  pageTitle: 'My re-integration',
  siteName: 'My re-integration',
  skipLink: 'Skip to content',
  switchLabel: 'Nederlands',
  loading: 'Please wait. We are fetching your details.',
  anonTitle: 'Welcome to My re-integration',
  anonIntro: 'Are you on benefits and working on your return to work? Here you will find your own re-integration file.',
  anonListIntro: 'After logging in you can:',
  anonPoint1: 'see which re-integration trajectories you have had;',
  anonPoint2: 'see who received your data, and when;',
  anonPoint3: 'add your own story to your file.',
  login: 'Log in',
  greeting: 'Welcome, {name}',
  previousLogin: 'You last logged in on {date} at {time}.',
  firstLogin: 'This is the first time you have logged in.',
  logout: 'Log out',
  loggingOut: 'You are being logged out.',
  logoutFailed: 'Logging out did not work. Please try again.',
  errorTitle: 'Something went wrong',
  errorText: 'We cannot fetch your details right now. This is not your fault. Please try again in a few minutes.',
  errorDetail: 'Message: {title}',
  retry: 'Try again',
  footer: 'Questions? Contact your case manager or your re-integration coach.',
};

const DICTIONARY: Record<Lang, Record<TextKey, string>> = { nl, en };

/** Looks up a text and fills in {placeholders}; unknown placeholders are left visible. */
export function t(lang: Lang, key: TextKey, params: Record<string, string> = {}): string {
  const template = DICTIONARY[lang][key] ?? DICTIONARY[DEFAULT_LANG][key];
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.prototype.hasOwnProperty.call(params, name) ? params[name] : whole,
  );
}

export function isLang(value: unknown): value is Lang {
  return typeof value === 'string' && (LANGS as readonly string[]).includes(value);
}

// Locale used for dates: en-GB rather than en-US, so English readers in the Netherlands
// get "24 November 2026" and a 24-hour clock, matching the Dutch text.
const LOCALES: Record<Lang, string> = { nl: 'nl-NL', en: 'en-GB' };
const TIME_ZONE = 'Europe/Amsterdam';

/**
 * "Je was eerder ingelogd op 24 november 2026 om 11:03.", or the first-login text for null.
 * An unreadable timestamp gives null (no line) rather than a wrong "first time" claim.
 */
export function previousLoginText(lang: Lang, iso: string | null): string | null {
  if (iso === null) {
    return t(lang, 'firstLogin');
  }
  const when = Date.parse(iso);
  if (Number.isNaN(when)) {
    return null;
  }
  const locale = LOCALES[lang];
  const date = new Intl.DateTimeFormat(locale, {
    day: 'numeric', month: 'long', year: 'numeric', timeZone: TIME_ZONE,
  }).format(when);
  const time = new Intl.DateTimeFormat(locale, {
    hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: TIME_ZONE,
  }).format(when);
  return t(lang, 'previousLogin', { date, time });
}
