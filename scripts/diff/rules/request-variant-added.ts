// One more shape accepted; callers need not use it.
import { defineRule, isRequest } from "./rule.ts";

export const rule = defineRule({
  id: "request-variant-added",
  level: "info",
  semver: "minor",
  appliesTo: ["variant-added"],
  check: (c) => (isRequest(c) ? { combinator: c.combinator, variant: c.variant } : undefined),
});
