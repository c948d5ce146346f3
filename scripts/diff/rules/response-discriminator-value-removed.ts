// Readers just stop seeing that kind of object.
import { defineRule, isResponse } from "./rule.ts";

export const rule = defineRule({
  id: "response-discriminator-value-removed",
  level: "info",
  semver: "minor",
  appliesTo: ["discriminator-mapping"],
  check: (c) => (isResponse(c) && c.removed.length > 0 ? { values: c.removed.join(", ") } : undefined),
});
