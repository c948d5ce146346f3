// Readers that switch over the tag meet a value they do not handle.
import { defineRule, isResponse } from "./rule.ts";

export const rule = defineRule({
  id: "response-discriminator-value-added",
  level: "warning",
  semver: "minor",
  appliesTo: ["discriminator-mapping"],
  check: (c) => (isResponse(c) && c.added.length > 0 ? { values: c.added.join(", ") } : undefined),
});
