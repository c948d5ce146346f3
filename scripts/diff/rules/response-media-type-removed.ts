// Callers that ask for (or parse) this media type get something else.
import { defineRule, isResponse } from "./rule.ts";

export const rule = defineRule({
  id: "response-media-type-removed",
  level: "breaking",
  semver: "major",
  appliesTo: ["media-type-removed"],
  check: (c) => (isResponse(c) && c.success ? { status: c.status ?? "", mediaType: c.mediaType } : undefined),
});
