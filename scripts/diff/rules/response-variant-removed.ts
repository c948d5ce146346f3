// Callers' handling of that shape is merely unused.
import { defineRule, isResponse } from "./rule.ts";

export const rule = defineRule({
  id: "response-variant-removed",
  level: "info",
  semver: "patch",
  appliesTo: ["variant-removed"],
  check: (c) => (isResponse(c) ? { combinator: c.combinator, variant: c.variant } : undefined),
});
