// The vocabulary of `specsmith diff`: what the structural diff finds (Change, plain facts with no opinion),
// and what the rules make of it (Finding: an id, a level and a message). The two layers meet only here.

/** Which way data flows through the schema where a change sits: what callers send, or what they get. */
export type Direction = "request" | "response";

export type Level = "breaking" | "warning" | "info";

export type Semver = "major" | "minor" | "patch" | "none";

/** How a value space changed: narrowed (accepts less), widened (accepts more), or neither contains the other. */
export type Relation = "narrowed" | "widened" | "changed";

/** How a limit (maxLength, pattern, minItems...) changed: tightened, loosened, or changed both ways. */
export type LimitRelation = "tightened" | "loosened" | "changed";

/** The exported names of a generated package, by what they are. */
export type ExportKind =
  | "function"
  | "operation constant"
  | "params type"
  | "response type"
  | "responses type"
  | "client method"
  | "resource class"
  | "schema type"
  | "client class"
  | "client option";

/** One difference between two specs, as facts. Each kind is listed in CHANGE_KINDS. */
export type ChangeFacts =
  // Operations and paths.
  | { kind: "path-removed"; path: string; deprecated: boolean }
  | { kind: "operation-removed"; deprecated: boolean }
  | { kind: "operation-added" }
  | { kind: "operation-deprecated" }
  // Document level: the servers (the generated client's default base URL is the first), and webhooks
  // (requests the API sends: their payloads are compared as responses, since receivers read them).
  | { kind: "server-removed"; url: string }
  | { kind: "server-added"; url: string }
  | { kind: "default-server-changed"; before: string; after: string }
  | { kind: "webhook-removed"; name: string; deprecated: boolean }
  | { kind: "webhook-added"; name: string }
  // Parameters (always in requests).
  | { kind: "parameter-added"; in: string; name: string; required: boolean }
  | { kind: "parameter-removed"; in: string; name: string; required: boolean; deprecated: boolean }
  | { kind: "parameter-renamed"; in: string; from: string; to: string }
  | { kind: "parameter-moved"; name: string; from: string; to: string }
  | { kind: "parameter-required"; in: string; name: string; required: boolean }
  | { kind: "parameter-deprecated"; in: string; name: string }
  | { kind: "parameter-serialization"; in: string; name: string; before: string; after: string }
  // Request bodies.
  | { kind: "request-body-added"; required: boolean }
  | { kind: "request-body-removed" }
  | { kind: "request-body-required"; required: boolean }
  // Media types of request bodies (no status) and of responses.
  | { kind: "media-type-added"; mediaType: string; status?: string }
  | { kind: "media-type-removed"; mediaType: string; status?: string; success: boolean }
  // Responses.
  | { kind: "response-added"; status: string; success: boolean }
  | { kind: "response-removed"; status: string; success: boolean }
  | { kind: "response-header-added"; status: string; name: string }
  | { kind: "response-header-removed"; status: string; name: string; required: boolean }
  // Security.
  | { kind: "security-changed"; before: string[]; after: string[] }
  | { kind: "security-scheme-changed"; scheme: string; before: string; after: string }
  // Schemas (with a direction).
  | { kind: "property-added"; name: string; required: boolean }
  | {
      kind: "property-removed";
      name: string;
      required: boolean;
      deprecated: boolean;
      /** The revision's object refuses unknown properties (additionalProperties or unevaluatedProperties false). */
      closed: boolean;
    }
  | { kind: "property-renamed"; from: string; to: string; required: boolean }
  | { kind: "property-required"; name: string; required: boolean }
  | { kind: "property-deprecated"; name: string }
  | { kind: "type"; before: string; after: string; relation: Relation }
  | { kind: "enum-values"; added: string[]; removed: string[] }
  | { kind: "enum-presence"; enum: boolean; values: string[] }
  | { kind: "nullable"; nullable: boolean }
  | { kind: "discriminator-property"; before: string; after: string }
  | { kind: "discriminator-mapping"; added: string[]; removed: string[] }
  | { kind: "variant-added"; combinator: string; variant: string }
  | { kind: "variant-removed"; combinator: string; variant: string }
  | { kind: "limit"; keyword: string; before: string; after: string; relation: LimitRelation }
  | { kind: "default"; before: string; after: string }
  // The generated TypeScript package (from the two codegen models, not the HTTP contract).
  | {
      kind: "export-renamed";
      exportKind: ExportKind;
      before: string;
      after: string;
      /** Other names renamed with it (an operation's types and constant go with its function). */
      others: number;
    }
  | { kind: "export-removed"; exportKind: ExportKind; name: string; withOperation: boolean }
  | {
      kind: "signature-changed";
      name: string;
      before: string;
      after: string;
      /** What changed: the params argument (optional, required, gone) or the return type. */
      part: "params" | "returns";
    };

export type ChangeKind = ChangeFacts["kind"];

/** Every kind, so tests can check that each one has a rule (nothing the diff finds is dropped silently). */
export const CHANGE_KINDS: readonly ChangeKind[] = [
  "path-removed",
  "operation-removed",
  "operation-added",
  "operation-deprecated",
  "server-removed",
  "server-added",
  "default-server-changed",
  "webhook-removed",
  "webhook-added",
  "parameter-added",
  "parameter-removed",
  "parameter-renamed",
  "parameter-moved",
  "parameter-required",
  "parameter-deprecated",
  "parameter-serialization",
  "request-body-added",
  "request-body-removed",
  "request-body-required",
  "media-type-added",
  "media-type-removed",
  "response-added",
  "response-removed",
  "response-header-added",
  "response-header-removed",
  "security-changed",
  "security-scheme-changed",
  "property-added",
  "property-removed",
  "property-renamed",
  "property-required",
  "property-deprecated",
  "type",
  "enum-values",
  "enum-presence",
  "nullable",
  "discriminator-property",
  "discriminator-mapping",
  "variant-added",
  "variant-removed",
  "limit",
  "default",
  "export-renamed",
  "export-removed",
  "signature-changed",
];

/** A change with where it is and whom it reaches. */
export type Change = ChangeFacts & {
  /**
   * JSON pointer into the revision (into the base for something removed). A change inside a shared
   * component points into the component, once, however many operations reach it.
   */
  pointer: string;
  /** Set for schema changes and the parts of operations that only exist on one side of the wire. */
  direction?: Direction;
  /** Operations the change reaches ("PATCH /v1/sessions/{id}"), sorted. */
  operations: string[];
};

export type ChangeOf<K extends ChangeKind> = Extract<ChangeFacts, { kind: K }> & {
  pointer: string;
  direction?: Direction;
  operations: string[];
};

/** What a rule says about a change: the fill-ins of its message (see rules/messages.ts). */
export type MessageParams = Record<string, string>;

export interface Finding {
  /** The rule's stable id. */
  id: string;
  level: Level;
  semver: Exclude<Semver, "none">;
  operations: string[];
  pointer: string;
  params: MessageParams;
  /** The message with its fill-ins, as plain text. */
  message: string;
  /** Set when an ignore-file entry accepted this finding. */
  accepted?: { reason: string };
}
