// Callers that handle this success status get another one, or an error.
import { defineRule } from "./rule.ts";

export const rule = defineRule({
  id: "response-success-status-removed",
  level: "breaking",
  semver: "major",
  appliesTo: ["response-removed"],
  check: (c) => (c.success ? { status: c.status } : undefined),
});
