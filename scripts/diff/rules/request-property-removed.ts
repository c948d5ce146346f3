// Callers that still send it are ignored at best, rejected at worst; the generated type loses it.
import { defineRule, isRequest } from "./rule.ts";

export const rule = defineRule({
  id: "request-property-removed",
  level: "warning",
  semver: "major",
  appliesTo: ["property-removed"],
  check: (c) => (isRequest(c) && !c.deprecated ? { name: c.name } : undefined),
});
