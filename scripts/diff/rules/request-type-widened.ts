// Everything callers sent before is still accepted.
import { defineRule, isRequest } from "./rule.ts";

export const rule = defineRule({
  id: "request-type-widened",
  level: "info",
  semver: "minor",
  appliesTo: ["type"],
  check: (c) => (isRequest(c) && c.relation === "widened" ? { before: c.before, after: c.after } : undefined),
});
