// Callers may get a shape their code does not handle.
import { defineRule, isResponse } from "./rule.ts";

export const rule = defineRule({
  id: "response-variant-added",
  level: "breaking",
  semver: "major",
  appliesTo: ["variant-added"],
  check: (c) => (isResponse(c) ? { combinator: c.combinator, variant: c.variant } : undefined),
});
