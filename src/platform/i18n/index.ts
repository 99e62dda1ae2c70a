/**
 * The message catalogue. Everything a citizen or caseworker reads comes from here, German first,
 * English second. Modules add their messages with `registerMessages` at import time.
 */
export type Locale = "de" | "en";
export const LOCALES: readonly Locale[] = ["de", "en"];
export type Catalog = Record<Locale, Record<string, string>>;

const catalog: Catalog = { de: {}, en: {} };

export function registerMessages(messages: Catalog): void {
  for (const locale of LOCALES) {
    for (const [key, text] of Object.entries(messages[locale])) {
      if (key in catalog[locale] && catalog[locale][key] !== text) {
        throw new Error(`Message key ${key} (${locale}) registered twice with different texts`);
      }
      catalog[locale][key] = text;
    }
  }
}

export type Params = Record<string, string | number>;

/** Looks up `key` in `locale` (falling back to German), filling `{name}` placeholders. */
export function translate(locale: Locale, key: string, params?: Params): string {
  const text = catalog[locale][key] ?? catalog.de[key] ?? key;
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (m, name: string) =>
    name in params ? String(params[name]) : m,
  );
}

export type Translate = (key: string, params?: Params) => string;

export function translator(locale: Locale): Translate {
  return (key, params) => translate(locale, key, params);
}

/** Keys present in one language but missing in the other (a test keeps this empty). */
export function missingTranslations(): string[] {
  const de = Object.keys(catalog.de);
  const en = Object.keys(catalog.en);
  return [
    ...de.filter((k) => !(k in catalog.en)).map((k) => `en:${k}`),
    ...en.filter((k) => !(k in catalog.de)).map((k) => `de:${k}`),
  ];
}

export function parseLocale(value: string | undefined | null): Locale | undefined {
  return value === "de" || value === "en" ? value : undefined;
}
