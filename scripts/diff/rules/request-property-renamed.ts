// Callers send the old name, which the server no longer reads.
import { defineRule, isRequest } from "./rule.ts";

export const rule = defineRule({
  id: "request-property-renamed",
  level: "breaking",
  semver: "major",
  appliesTo: ["property-renamed"],
  check: (c) => (isRequest(c) ? { from: c.from, to: c.to } : undefined),
});
