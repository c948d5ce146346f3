// Callers read a property that was always there and now may be missing.
import { defineRule, isResponse } from "./rule.ts";

export const rule = defineRule({
  id: "response-property-became-optional",
  level: "breaking",
  semver: "major",
  appliesTo: ["property-required"],
  check: (c) => (isResponse(c) && !c.required ? { name: c.name } : undefined),
});
