// Parts of an operation fragment that both the operation reader and the curl reader fill: the request
// body, made on first use. (Servers are added by read/servers.ts.)
import type { OperationFragment, RequestBodyFragment } from "../../fragment.ts";

export function requestBodyOf(op: OperationFragment): RequestBodyFragment {
  op.requestBody ??= { fields: [] };
  return op.requestBody;
}
