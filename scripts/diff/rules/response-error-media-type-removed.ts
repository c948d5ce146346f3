// An error body's format no longer documented: callers see an error either way.
import { defineRule, isResponse } from "./rule.ts";

export const rule = defineRule({
  id: "response-error-media-type-removed",
  level: "info",
  semver: "patch",
  appliesTo: ["media-type-removed"],
  check: (c) =>
    isResponse(c) && !c.success ? { status: c.status ?? "", mediaType: c.mediaType } : undefined,
});
