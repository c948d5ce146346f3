// Requests written for the old version leave the new property out and are rejected.
import { defineRule, isRequest } from "./rule.ts";

export const rule = defineRule({
  id: "new-required-request-property",
  level: "breaking",
  semver: "major",
  appliesTo: ["property-added"],
  check: (c) => (isRequest(c) && c.required ? { name: c.name } : undefined),
});
