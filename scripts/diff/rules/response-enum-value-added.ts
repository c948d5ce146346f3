// Callers may get a value their code does not handle (an exhaustive switch stops compiling).
import { defineRule, isResponse } from "./rule.ts";

export const rule = defineRule({
  id: "response-enum-value-added",
  level: "warning",
  semver: "minor",
  appliesTo: ["enum-values"],
  check: (c) => (isResponse(c) && c.added.length > 0 ? { values: c.added.join(", ") } : undefined),
});
