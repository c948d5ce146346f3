// The listed values are still accepted, and others too.
import { defineRule, isRequest } from "./rule.ts";

export const rule = defineRule({
  id: "request-enum-removed",
  level: "info",
  semver: "minor",
  appliesTo: ["enum-presence"],
  check: (c) => (isRequest(c) && !c.enum ? { values: c.values.join(", ") } : undefined),
});
