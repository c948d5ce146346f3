// Callers may send a new kind of object; what they send today still works.
import { defineRule, isRequest } from "./rule.ts";

export const rule = defineRule({
  id: "request-discriminator-value-added",
  level: "info",
  semver: "minor",
  appliesTo: ["discriminator-mapping"],
  check: (c) => (isRequest(c) && c.added.length > 0 ? { values: c.added.join(", ") } : undefined),
});
