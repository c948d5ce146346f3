// Parts of an operation fragment that both the operation reader and the curl reader fill: the request
// body, made on first use, and the servers, each kept once.
import { fact, type OperationFragment, type RequestBodyFragment, type Source } from "../../fragment.ts";

export function requestBodyOf(op: OperationFragment): RequestBodyFragment {
  op.requestBody ??= { fields: [] };
  return op.requestBody;
}

/** Adds a server the operation does not list yet. */
export function addServer(
  op: OperationFragment,
  url: string,
  at: Source,
  strength: "typed" | "example",
): void {
  if (!op.servers.some((s) => s.value === url)) op.servers.push(fact(url, at, strength));
}
