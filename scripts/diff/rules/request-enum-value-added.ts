// More values accepted; callers need not use them.
import { defineRule, isRequest } from "./rule.ts";

export const rule = defineRule({
  id: "request-enum-value-added",
  level: "info",
  semver: "minor",
  appliesTo: ["enum-values"],
  check: (c) => (isRequest(c) && c.added.length > 0 ? { values: c.added.join(", ") } : undefined),
});
