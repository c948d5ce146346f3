// Values callers sent before may now be refused (a changed pattern counts: it may refuse them).
import { defineRule, isRequest } from "./rule.ts";

export const rule = defineRule({
  id: "request-limit-tightened",
  level: "breaking",
  semver: "major",
  appliesTo: ["limit"],
  check: (c) =>
    isRequest(c) && c.relation !== "loosened"
      ? { keyword: c.keyword, before: c.before, after: c.after }
      : undefined,
});
