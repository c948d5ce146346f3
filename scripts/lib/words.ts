// English word forms that both the scraper (resource nouns in titles and paths) and the generator
// (method and type names) need, so the two always agree.

/** "verification_sessions" -> "verification_session", "policies" -> "policy", "status" stays. */
export function singular(word: string): string {
  if (/ies$/i.test(word)) return word.slice(0, -3) + "y";
  if (/(ss|us|is)$/i.test(word)) return word;
  if (/(sh|ch|x|z)es$/i.test(word)) return word.slice(0, -2);
  if (/s$/i.test(word)) return word.slice(0, -1);
  return word;
}

/** "widget" -> "widgets", "policy" -> "policies", "box" -> "boxes": the collection segment of a noun. */
export function plural(word: string): string {
  if (/[^aeiou]y$/i.test(word)) return `${word.slice(0, -1)}ies`;
  if (/(s|x|z|ch|sh)$/i.test(word)) return `${word}es`;
  return `${word}s`;
}
