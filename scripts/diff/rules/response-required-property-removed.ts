// Callers read a property that was always there and now is not.
import { defineRule, isResponse } from "./rule.ts";

export const rule = defineRule({
  id: "response-required-property-removed",
  level: "breaking",
  semver: "major",
  appliesTo: ["property-removed"],
  check: (c) => (isResponse(c) && c.required && !c.deprecated ? { name: c.name } : undefined),
});
