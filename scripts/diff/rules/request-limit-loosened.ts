// Everything callers sent before is still accepted.
import { defineRule, isRequest } from "./rule.ts";

export const rule = defineRule({
  id: "request-limit-loosened",
  level: "info",
  semver: "patch",
  appliesTo: ["limit"],
  check: (c) =>
    isRequest(c) && c.relation === "loosened"
      ? { keyword: c.keyword, before: c.before, after: c.after }
      : undefined,
});
