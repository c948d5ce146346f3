// A way of authenticating that callers use (a scheme or scope) no longer suffices.
import { defineRule } from "./rule.ts";
import { open } from "./security-requirements.ts";

export const rule = defineRule({
  id: "security-changed",
  level: "breaking",
  semver: "major",
  appliesTo: ["security-changed"],
  check: (c) =>
    !open(c.before) && !open(c.after) && !c.before.every((a) => c.after.includes(a))
      ? { before: c.before.join(" or "), after: c.after.join(" or ") }
      : undefined,
});
