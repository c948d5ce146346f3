// Callers that read the property lose it; it was optional, so careful ones cope.
import { defineRule, isResponse } from "./rule.ts";

export const rule = defineRule({
  id: "response-optional-property-removed",
  level: "warning",
  semver: "major",
  appliesTo: ["property-removed"],
  check: (c) => (isResponse(c) && !c.required && !c.deprecated ? { name: c.name } : undefined),
});
