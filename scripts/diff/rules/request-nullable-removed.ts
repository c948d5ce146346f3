// Callers that send null are now rejected.
import { defineRule, isRequest } from "./rule.ts";

export const rule = defineRule({
  id: "request-nullable-removed",
  level: "breaking",
  semver: "major",
  appliesTo: ["nullable"],
  check: (c) => (isRequest(c) && !c.nullable ? {} : undefined),
});
