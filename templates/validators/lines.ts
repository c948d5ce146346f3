// Joins generated statements with newlines, skipping empty parts. Built with `+` rather than Array.join:
// V8 keeps `+` results as ropes and flattens the whole module once, where join at every nesting level
// would copy the same code again at each level (a Stripe-sized module is megabytes deep).

export function lines(parts: readonly string[]): string {
  let out = "";
  for (const part of parts) {
    if (part === "") continue;
    out = out === "" ? part : out + "\n" + part;
  }
  return out;
}
