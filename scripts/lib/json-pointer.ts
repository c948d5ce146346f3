// JSON Pointer (RFC 6901) segments: the one escaping rule, shared by the spec layer (pointers into
// documents), the codegen model and the templates (pointers they print into warnings and comments).

export function escapeSegment(key: string): string {
  // Most keys have neither character; skip the two replaces for them (big specs have ~10^5 keys).
  if (key.indexOf("~") === -1 && key.indexOf("/") === -1) return key;
  return key.replace(/~/g, "~0").replace(/\//g, "~1");
}

export function unescapeSegment(segment: string): string {
  if (segment.indexOf("~") === -1) return segment;
  return segment.replace(/~1/g, "/").replace(/~0/g, "~");
}
