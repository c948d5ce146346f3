// Generated methods take one params object: body fields, query and header parameters together, as users
// of Stainless-style SDKs expect. This splits it back by the operation's description of its parameters.
import type { OperationSpec } from "./client.js";
import { ownValue, setOwn } from "./own.js";

/** What generated code declares per operation (an OperationSpec: the name is kept for generated code). */
export type GeneratedOperation = OperationSpec;

export interface SplitParams {
  query?: Record<string, unknown>;
  headers?: Record<string, unknown>;
  body?: unknown;
}

/**
 * Query and header names are taken first (a name the spec uses for both a parameter and a body field goes
 * to the parameter); the rest is the body. A non-object body travels as `params.body`.
 */
export function splitParams(
  params: Record<string, unknown> | undefined,
  op: GeneratedOperation,
): SplitParams {
  const rest: Record<string, unknown> = {};
  const out: SplitParams = {};
  const queryNames = new Set((op.query ?? []).map((q) => q.name));
  const headerNames = new Set(op.headers ?? []);
  // Own properties are copied as own properties: a body field named `__proto__` stays a field.
  for (const key of Object.keys(params ?? {})) {
    const value = ownValue(params, key);
    if (queryNames.has(key)) setOwn((out.query ??= {}), key, value);
    else if (headerNames.has(key)) setOwn((out.headers ??= {}), key, value);
    else setOwn(rest, key, value);
  }
  if (op.body?.wrapped) out.body = ownValue(rest, "body");
  else if (op.body && (Object.keys(rest).length > 0 || op.body.required)) out.body = rest;
  return out;
}
