// Callers that send no body are now rejected (this covers a new body that is required).
import { defineRule } from "./rule.ts";

export const rule = defineRule({
  id: "request-body-became-required",
  level: "breaking",
  semver: "major",
  appliesTo: ["request-body-required"],
  check: (c) => (c.required ? {} : undefined),
});
