// Every way of authenticating that worked still works.
import { defineRule } from "./rule.ts";
import { open } from "./security-requirements.ts";

export const rule = defineRule({
  id: "security-alternative-added",
  level: "info",
  semver: "minor",
  appliesTo: ["security-changed"],
  check: (c) =>
    !open(c.before) && !open(c.after) && c.before.every((a) => c.after.includes(a))
      ? { added: c.after.filter((a) => !c.before.includes(a)).join(" or ") }
      : undefined,
});
