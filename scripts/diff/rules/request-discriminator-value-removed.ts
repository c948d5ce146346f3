// Callers that send an object tagged with a removed value are now rejected.
import { defineRule, isRequest } from "./rule.ts";

export const rule = defineRule({
  id: "request-discriminator-value-removed",
  level: "breaking",
  semver: "major",
  appliesTo: ["discriminator-mapping"],
  check: (c) => (isRequest(c) && c.removed.length > 0 ? { values: c.removed.join(", ") } : undefined),
});
