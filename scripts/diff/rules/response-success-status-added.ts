// Callers may now get a success status they do not handle.
import { defineRule } from "./rule.ts";

export const rule = defineRule({
  id: "response-success-status-added",
  level: "warning",
  semver: "minor",
  appliesTo: ["response-added"],
  check: (c) => (c.success ? { status: c.status } : undefined),
});
