// Callers that send a body are ignored at best, rejected at worst.
import { defineRule } from "./rule.ts";

export const rule = defineRule({
  id: "request-body-removed",
  level: "warning",
  semver: "major",
  appliesTo: ["request-body-removed"],
  check: () => ({}),
});
