// One more way to send the body.
import { defineRule, isRequest } from "./rule.ts";

export const rule = defineRule({
  id: "request-media-type-added",
  level: "info",
  semver: "minor",
  appliesTo: ["media-type-added"],
  check: (c) => (isRequest(c) ? { mediaType: c.mediaType } : undefined),
});
