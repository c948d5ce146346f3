// Credentials are no longer needed; sending them does no harm.
import { defineRule } from "./rule.ts";
import { open } from "./security-requirements.ts";

export const rule = defineRule({
  id: "security-removed",
  level: "info",
  semver: "patch",
  appliesTo: ["security-changed"],
  check: (c) => (!open(c.before) && open(c.after) ? { before: c.before.join(" or ") } : undefined),
});
