// Callers that send a removed value are now rejected.
import { defineRule, isRequest } from "./rule.ts";

export const rule = defineRule({
  id: "request-enum-value-removed",
  level: "breaking",
  semver: "major",
  appliesTo: ["enum-values"],
  check: (c) => (isRequest(c) && c.removed.length > 0 ? { values: c.removed.join(", ") } : undefined),
});
