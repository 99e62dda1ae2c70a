/** An entry of a municipality's catalogue, as the services module gives it. */
export type CatalogueItem = {
  slug: string;
  title: string;
  description: string;
  keywords?: string[];
  category?: string;
};

/**
 * Folds text for matching: lower case, umlauts and ß written out and then reduced
 * ("Gaststätte", "Gaststaette" and "Gaststatte" are the same), other accents dropped.
 */
export function foldForSearch(text: string): string {
  return text
    .toLowerCase()
    .replace(/ß/g, "ss")
    .replace(/ä|ae/g, "a")
    .replace(/ö|oe/g, "o")
    .replace(/ü|ue/g, "u")
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .replace(/\s+/g, " ")
    .trim();
}

/** The services matching every word of `query` in title, description or keywords. */
export function searchCatalogue<T extends CatalogueItem>(items: T[], query: string): T[] {
  const words = foldForSearch(query).split(" ").filter(Boolean);
  if (words.length === 0) return items;
  return items.filter((s) => {
    const text = foldForSearch([s.title, s.description, ...(s.keywords ?? [])].join(" "));
    return words.every((w) => text.includes(w));
  });
}

/** Services grouped by category, categories and services in German alphabetical order. */
export function byCategory<T extends CatalogueItem>(
  items: T[],
  other: string,
): { category: string; services: T[] }[] {
  const groups = new Map<string, T[]>();
  for (const s of items) {
    const key = s.category ?? other;
    groups.set(key, [...(groups.get(key) ?? []), s]);
  }
  return [...groups]
    .sort(([a], [b]) => a.localeCompare(b, "de"))
    .map(([category, services]) => ({
      category,
      services: services.sort((a, b) => a.title.localeCompare(b.title, "de")),
    }));
}
