// One more format the server can answer in; callers ask for the one they know.
import { defineRule, isResponse } from "./rule.ts";

export const rule = defineRule({
  id: "response-media-type-added",
  level: "info",
  semver: "minor",
  appliesTo: ["media-type-added"],
  check: (c) => (isResponse(c) ? { status: c.status ?? "", mediaType: c.mediaType } : undefined),
});
