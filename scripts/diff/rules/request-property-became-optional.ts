// Callers that send it still may.
import { defineRule, isRequest } from "./rule.ts";

export const rule = defineRule({
  id: "request-property-became-optional",
  level: "info",
  semver: "minor",
  appliesTo: ["property-required"],
  check: (c) => (isRequest(c) && !c.required ? { name: c.name } : undefined),
});
