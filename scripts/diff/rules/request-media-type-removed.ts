// Callers that send this media type are now refused (415).
import { defineRule, isRequest } from "./rule.ts";

export const rule = defineRule({
  id: "request-media-type-removed",
  level: "breaking",
  semver: "major",
  appliesTo: ["media-type-removed"],
  check: (c) => (isRequest(c) ? { mediaType: c.mediaType } : undefined),
});
