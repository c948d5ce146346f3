// Callers that leave it out are unaffected.
import { defineRule, isRequest } from "./rule.ts";

export const rule = defineRule({
  id: "new-optional-request-property",
  level: "info",
  semver: "minor",
  appliesTo: ["property-added"],
  check: (c) => (isRequest(c) && !c.required ? { name: c.name } : undefined),
});
