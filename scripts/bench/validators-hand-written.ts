// The benchmark's ceiling: what a careful person would write by hand for Stripe's
// create-verification-session body (same rules as the schema: additionalProperties false, the anyOf of
// options.document, maxLength 5000 on expand items counted in code points), answering yes or no.

const has = Object.prototype.hasOwnProperty;

function isKnownKey(key: string): boolean {
  switch (key) {
    case "expand":
    case "metadata":
    case "options":
    case "return_url":
    case "type":
      return true;
    default:
      return false;
  }
}

function isOptionalBoolean(value: unknown): boolean {
  return value === undefined || typeof value === "boolean";
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function codePoints(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < text.length) i++;
    n++;
  }
  return n;
}

function documentOptions(value: unknown): boolean {
  if (value === "") return true;
  if (!isObject(value)) return false;
  const types = value.allowed_types;
  if (types !== undefined) {
    if (!Array.isArray(types)) return false;
    for (const type of types) {
      if (type !== "driving_license" && type !== "id_card" && type !== "passport") return false;
    }
  }
  return (
    isOptionalBoolean(value.require_id_number) &&
    isOptionalBoolean(value.require_live_capture) &&
    isOptionalBoolean(value.require_matching_selfie)
  );
}

export function handWrittenSessionCheck(body: unknown): boolean {
  if (!isObject(body)) return false;
  for (const key in body) if (!isKnownKey(key) && has.call(body, key)) return false;
  if (body.type !== "document" && body.type !== "id_number") return false;
  const expand = body.expand;
  if (expand !== undefined) {
    if (!Array.isArray(expand)) return false;
    for (const item of expand) {
      if (typeof item !== "string" || (item.length > 5000 && codePoints(item) > 5000)) return false;
    }
  }
  const metadata = body.metadata;
  if (metadata !== undefined) {
    if (!isObject(metadata)) return false;
    for (const key in metadata)
      if (has.call(metadata, key) && typeof metadata[key] !== "string") return false;
  }
  const options = body.options;
  if (options !== undefined) {
    if (!isObject(options)) return false;
    if (options.document !== undefined && !documentOptions(options.document)) return false;
  }
  if (body.return_url !== undefined && typeof body.return_url !== "string") return false;
  return true;
}
