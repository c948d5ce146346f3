// Callers rely on a required header being there.
import { defineRule } from "./rule.ts";

export const rule = defineRule({
  id: "response-required-header-removed",
  level: "breaking",
  semver: "major",
  appliesTo: ["response-header-removed"],
  check: (c) => (c.required ? { status: c.status, name: c.name } : undefined),
});
