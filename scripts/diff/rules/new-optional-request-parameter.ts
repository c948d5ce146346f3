// An optional parameter changes nothing for callers that leave it out.
import { defineRule } from "./rule.ts";

export const rule = defineRule({
  id: "new-optional-request-parameter",
  level: "info",
  semver: "minor",
  appliesTo: ["parameter-added"],
  check: (c) => (c.required ? undefined : { in: c.in, name: c.name }),
});
