// The schema now refuses unknown properties (additionalProperties: false), so a caller still sending
// the removed property gets its request rejected: breaking on the wire, not only for compiled callers.
import { defineRule, isRequest } from "./rule.ts";

export const rule = defineRule({
  id: "request-property-removed-rejected",
  level: "breaking",
  semver: "major",
  appliesTo: ["property-removed"],
  check: (c) => (isRequest(c) && !c.deprecated && c.closed ? { name: c.name } : undefined),
});
