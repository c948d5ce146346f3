// Callers may get values outside the list they handle.
import { defineRule, isResponse } from "./rule.ts";

export const rule = defineRule({
  id: "response-enum-removed",
  level: "warning",
  semver: "minor",
  appliesTo: ["enum-presence"],
  check: (c) => (isResponse(c) && !c.enum ? { values: c.values.join(", ") } : undefined),
});
