// `pattern` and `patternProperties` regexes: checked at compile time (the pattern text is never pasted as a
// regex literal: it reaches the module as a JSON string given to `new RegExp(..., "u")`), with a warning
// for patterns that could backtrack catastrophically and for those that only compile without "u".
import { mayBacktrackCatastrophically } from "./backtracking.ts";
import type { Compiler } from "./compiler.ts";

function compiles(source: string, flags: string): boolean {
  try {
    new RegExp(source, flags);
    return true;
  } catch {
    return false;
  }
}

/** The module constant holding the regex, or undefined (with a warning) when the pattern is unusable. */
export function compilePattern(c: Compiler, source: string, location: string): string | undefined {
  if (mayBacktrackCatastrophically(source)) {
    c.warn(
      location,
      `pattern ${JSON.stringify(source.slice(0, 80))} may backtrack catastrophically (nested or overlapping repetition); a long input could take very long to check`,
    );
  }
  if (compiles(source, "u")) return c.module.regex(source, "u");
  // Patterns written for non-Unicode regexes (an escaped "-" outside a class, "\_") still work without "u".
  if (compiles(source, "")) {
    c.warn(
      location,
      `pattern ${JSON.stringify(source.slice(0, 80))} is not a valid Unicode regex; used without the "u" flag`,
    );
    return c.module.regex(source, "");
  }
  c.warn(location, `pattern ${JSON.stringify(source.slice(0, 80))} is not a valid regex; it is not checked`);
  return undefined;
}
