// Requests that leave the property out are now rejected.
import { defineRule, isRequest } from "./rule.ts";

export const rule = defineRule({
  id: "request-property-became-required",
  level: "breaking",
  semver: "major",
  appliesTo: ["property-required"],
  check: (c) => (isRequest(c) && c.required ? { name: c.name } : undefined),
});
