// Callers that sent no credentials are now refused.
import { defineRule } from "./rule.ts";
import { open } from "./security-requirements.ts";

export const rule = defineRule({
  id: "security-added",
  level: "breaking",
  semver: "major",
  appliesTo: ["security-changed"],
  check: (c) => (open(c.before) && !open(c.after) ? { after: c.after.join(" or ") } : undefined),
});
