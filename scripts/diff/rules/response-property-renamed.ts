// Callers read the old name, which is no longer there.
import { defineRule, isResponse } from "./rule.ts";

export const rule = defineRule({
  id: "response-property-renamed",
  level: "breaking",
  semver: "major",
  appliesTo: ["property-renamed"],
  check: (c) => (isResponse(c) ? { from: c.from, to: c.to } : undefined),
});
