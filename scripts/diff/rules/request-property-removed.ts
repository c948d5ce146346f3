// Callers that still send it are ignored by a lenient server; the generated type loses it. Where the
// schema refuses unknown properties, request-property-removed-rejected reports it as breaking instead.
import { defineRule, isRequest } from "./rule.ts";

export const rule = defineRule({
  id: "request-property-removed",
  level: "warning",
  semver: "major",
  appliesTo: ["property-removed"],
  check: (c) => (isRequest(c) && !c.deprecated && !c.closed ? { name: c.name } : undefined),
});
