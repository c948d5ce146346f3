// The words of every rule, keyed by rule id, apart from the logic: a rule's check only supplies the
// fill-ins ({name}, {before}...). Formats render the fill-ins their own way (code spans in markdown).
export const MESSAGES: Readonly<Record<string, string>> = {
  "path-removed": "path {path} removed, with all its operations",
  "operation-removed": "operation removed",
  "deprecated-operation-removed": "deprecated operation removed",
  "operation-added": "operation added",
  "operation-deprecated": "operation deprecated",
  "server-removed": "server {url} removed",
  "server-added": "server {url} added",
  "default-server-changed":
    "first server (the generated client's default base URL) changed from {before} to {after}",
  "webhook-removed": "webhook {name} removed",
  "deprecated-webhook-removed": "deprecated webhook {name} removed",
  "webhook-added": "webhook {name} added",
  "discriminator-property-changed": "discriminator property changed from {before} to {after}",
  "request-discriminator-value-removed": "request discriminator value(s) removed: {values}",
  "request-discriminator-value-added": "request discriminator value(s) added: {values}",
  "response-discriminator-value-added": "response discriminator value(s) added: {values}",
  "response-discriminator-value-removed": "response discriminator value(s) removed: {values}",
  "new-required-request-parameter": "required {in} parameter {name} added",
  "new-optional-request-parameter": "optional {in} parameter {name} added",
  "request-parameter-removed": "{in} parameter {name} removed",
  "deprecated-request-parameter-removed": "deprecated {in} parameter {name} removed",
  "request-parameter-renamed": "{in} parameter {from} renamed to {to}",
  "request-parameter-moved": "parameter {name} moved from {fromIn} to {toIn}",
  "request-parameter-became-required": "{in} parameter {name} became required",
  "request-parameter-became-optional": "{in} parameter {name} became optional",
  "request-parameter-deprecated": "{in} parameter {name} deprecated",
  "request-parameter-serialization-changed":
    "{in} parameter {name} serialization changed from {before} to {after}",
  "request-body-became-required": "request body became required",
  "request-body-became-optional": "request body became optional",
  "request-body-added": "optional request body added",
  "request-body-removed": "request body removed",
  "request-media-type-removed": "request media type {mediaType} removed",
  "request-media-type-added": "request media type {mediaType} added",
  "response-success-status-removed": "success response {status} removed",
  "response-error-status-removed": "error response {status} removed",
  "response-success-status-added": "success response {status} added",
  "response-error-status-added": "error response {status} added",
  "response-media-type-removed": "response {status} media type {mediaType} removed",
  "response-error-media-type-removed": "error response {status} media type {mediaType} removed",
  "response-media-type-added": "response {status} media type {mediaType} added",
  "response-required-header-removed": "required response header {name} removed from {status}",
  "response-optional-header-removed": "response header {name} removed from {status}",
  "response-header-added": "response header {name} added to {status}",
  "new-required-request-property": "required request property {name} added",
  "new-optional-request-property": "optional request property {name} added",
  "request-property-became-required": "request property {name} became required",
  "request-property-became-optional": "request property {name} became optional",
  "request-property-removed": "request property {name} removed",
  "request-property-removed-rejected":
    "request property {name} removed, and the schema refuses unknown properties: requests still sending it fail",
  "request-property-renamed": "request property {from} renamed to {to}",
  "response-required-property-removed": "required response property {name} removed",
  "response-optional-property-removed": "response property {name} removed",
  "response-property-became-optional": "response property {name} became optional",
  "response-property-became-required": "response property {name} became required",
  "response-property-added": "response property {name} added",
  "response-property-renamed": "response property {from} renamed to {to}",
  "deprecated-property-removed": "deprecated property {name} removed",
  "property-deprecated": "property {name} deprecated",
  "request-type-narrowed": "request type narrowed from {before} to {after}",
  "request-type-widened": "request type widened from {before} to {after}",
  "response-type-widened": "response type widened from {before} to {after}",
  "response-type-narrowed": "response type narrowed from {before} to {after}",
  "type-changed": "type changed from {before} to {after}",
  "request-enum-value-removed": "request enum value(s) removed: {values}",
  "request-enum-value-added": "request enum value(s) added: {values}",
  "response-enum-value-added": "response enum value(s) added: {values}",
  "response-enum-value-removed": "response enum value(s) removed: {values}",
  "request-became-enum": "request value became an enum: {values}",
  "response-became-enum": "response value became an enum: {values}",
  "request-enum-removed": "request value no longer limited to the enum {values}",
  "response-enum-removed": "response value no longer limited to the enum {values}",
  "request-nullable-removed": "request value no longer accepts null",
  "request-nullable-added": "request value now accepts null",
  "response-nullable-added": "response value may now be null",
  "response-nullable-removed": "response value is no longer null",
  "request-variant-removed": "request {combinator} variant {variant} removed",
  "request-variant-added": "request {combinator} variant {variant} added",
  "response-variant-added": "response {combinator} variant {variant} added",
  "response-variant-removed": "response {combinator} variant {variant} removed",
  "request-limit-tightened": "request {keyword} tightened from {before} to {after}",
  "request-limit-loosened": "request {keyword} loosened from {before} to {after}",
  "response-limit-loosened": "response {keyword} loosened from {before} to {after}",
  "response-limit-tightened": "response {keyword} tightened from {before} to {after}",
  "request-default-changed": "request default changed from {before} to {after}",
  "response-default-changed": "response default changed from {before} to {after}",
  "security-added": "security added: {after}",
  "security-removed": "security removed (was {before})",
  "security-alternative-added": "security alternative added: {added}",
  "security-changed": "security changed from {before} to {after}",
  "security-scheme-changed": "security scheme {scheme} changed from {before} to {after}",
  "generated-export-renamed": "generated {exportKind} {before} renamed to {after}{more}",
  "generated-export-removed": "generated {exportKind} {name} removed",
  "generated-signature-changed": "generated {name} signature changed from {before} to {after}",
};

/** Fill-ins that are words of the message (a location, a kind), not names from the spec. */
export const WORD_PARAMS: ReadonlySet<string> = new Set([
  "in",
  "fromIn",
  "toIn",
  "combinator",
  "exportKind",
  "more",
]);

/**
 * The message of rule `id` with its fill-ins; `render` formats the ones that come from the spec (names,
 * values), which markdown puts in code spans. Plain text by default.
 */
export function message(
  id: string,
  params: Record<string, string>,
  render: (value: string) => string = (v) => v,
): string {
  const template = MESSAGES[id];
  if (template === undefined) throw new Error(`no message for rule ${id}`);
  return template.replace(/\{(\w+)\}/g, (_, key: string) => {
    const value = params[key];
    if (value === undefined) throw new Error(`rule ${id} gave no {${key}} for its message`);
    return WORD_PARAMS.has(key) ? value : render(value);
  });
}
