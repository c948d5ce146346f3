// Callers ignore what they do not read.
import { defineRule, isResponse } from "./rule.ts";

export const rule = defineRule({
  id: "response-property-added",
  level: "info",
  semver: "minor",
  appliesTo: ["property-added"],
  check: (c) => (isResponse(c) ? { name: c.name } : undefined),
});
