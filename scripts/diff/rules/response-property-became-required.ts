// Callers get the property more reliably than before.
import { defineRule, isResponse } from "./rule.ts";

export const rule = defineRule({
  id: "response-property-became-required",
  level: "info",
  semver: "patch",
  appliesTo: ["property-required"],
  check: (c) => (isResponse(c) && c.required ? { name: c.name } : undefined),
});
