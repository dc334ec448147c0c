/** One occurrence of a planted secret. */
export interface PlantedMatch {
  /** Index of the secret in `options.secrets`. */
  readonly index: number;
  readonly start: number;
  readonly end: number;
}

const HTML_ESCAPES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** The spellings a planted string can take in a response: as is, JSON-, URL- and HTML-escaped. */
export function plantedVariants(secret: string): string[] {
  const variants = new Set<string>([
    secret,
    JSON.stringify(secret).slice(1, -1),
  ]);
  try {
    variants.add(encodeURIComponent(secret));
  } catch {
    // A lone surrogate cannot be URL-encoded, so it cannot appear encoded either.
  }
  variants.add(secret.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c] ?? c));
  return [...variants].filter((v) => v !== '');
}

/** The first occurrence of each planted secret in `text`, in any of its spellings. */
export function findPlanted(
  text: string,
  secrets: readonly (readonly string[])[],
): PlantedMatch[] {
  const found: PlantedMatch[] = [];
  secrets.forEach((variants, index) => {
    let best: PlantedMatch | undefined;
    for (const variant of variants) {
      const at = text.indexOf(variant);
      if (at !== -1 && (best === undefined || at < best.start)) {
        best = { index, start: at, end: at + variant.length };
      }
    }
    if (best !== undefined) found.push(best);
  });
  return found;
}
