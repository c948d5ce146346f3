// Callers that leave the value out now get different behaviour.
import { defineRule, isRequest } from "./rule.ts";

export const rule = defineRule({
  id: "request-default-changed",
  level: "warning",
  semver: "patch",
  appliesTo: ["default"],
  check: (c) => (isRequest(c) ? { before: c.before, after: c.after } : undefined),
});
