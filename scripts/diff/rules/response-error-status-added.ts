// A newly documented error status: callers already had to expect errors.
import { defineRule } from "./rule.ts";

export const rule = defineRule({
  id: "response-error-status-added",
  level: "info",
  semver: "patch",
  appliesTo: ["response-added"],
  check: (c) => (c.success ? undefined : { status: c.status }),
});
