// Everything callers sent before is still accepted.
import { defineRule, isRequest } from "./rule.ts";

export const rule = defineRule({
  id: "request-nullable-added",
  level: "info",
  semver: "minor",
  appliesTo: ["nullable"],
  check: (c) => (isRequest(c) && c.nullable ? {} : undefined),
});
