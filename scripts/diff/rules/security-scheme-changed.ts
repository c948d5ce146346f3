// Callers send credentials the way the old definition said (header name, token URL).
import { defineRule } from "./rule.ts";

export const rule = defineRule({
  id: "security-scheme-changed",
  level: "breaking",
  semver: "major",
  appliesTo: ["security-scheme-changed"],
  check: (c) => ({ scheme: c.scheme, before: c.before, after: c.after }),
});
