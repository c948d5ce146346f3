// Callers that send the removed alternative are now rejected.
import { defineRule, isRequest } from "./rule.ts";

export const rule = defineRule({
  id: "request-variant-removed",
  level: "breaking",
  semver: "major",
  appliesTo: ["variant-removed"],
  check: (c) => (isRequest(c) ? { combinator: c.combinator, variant: c.variant } : undefined),
});
