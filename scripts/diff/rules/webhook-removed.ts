// Receivers stop getting these events (no generated code changes: webhooks are not generated).
import { defineRule } from "./rule.ts";

export const rule = defineRule({
  id: "webhook-removed",
  level: "warning",
  semver: "patch",
  appliesTo: ["webhook-removed"],
  check: (c) => (c.deprecated ? undefined : { name: c.name }),
});
