// Callers' handling of the value is merely unused.
import { defineRule, isResponse } from "./rule.ts";

export const rule = defineRule({
  id: "response-enum-value-removed",
  level: "info",
  semver: "patch",
  appliesTo: ["enum-values"],
  check: (c) => (isResponse(c) && c.removed.length > 0 ? { values: c.removed.join(", ") } : undefined),
});
