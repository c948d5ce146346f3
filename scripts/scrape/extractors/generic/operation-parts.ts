// What one operation has gathered while its blocks are read: the fragment, its request body and its
// responses by status. The operation reader (prose, fields) and the example reader (code blocks) both add
// to it; the first fact for a response or a body part is kept, a stronger media type replaces a weaker.
import {
  STRENGTH_RANK,
  fact,
  type Fact,
  type OperationFragment,
  type RequestBodyFragment,
  type ResponseFragment,
  type SecurityHint,
  type Source,
  type Strength,
} from "../../fragment.ts";
import { addServer } from "../../read/servers.ts";

export class OperationParts {
  private body: RequestBodyFragment | undefined;
  private readonly responses = new Map<string, ResponseFragment>();

  constructor(readonly op: OperationFragment) {}

  requestBody(): RequestBodyFragment {
    this.body ??= { fields: [] };
    return this.body;
  }

  response(status: string, source: Source): ResponseFragment {
    let response = this.responses.get(status);
    if (!response) {
      response = { status, fields: [], source };
      this.responses.set(status, response);
    }
    return response;
  }

  setContentType(value: string, source: Source, strength: Strength): void {
    const body = this.requestBody();
    const current = body.contentType;
    if (!current || STRENGTH_RANK[strength] > STRENGTH_RANK[current.strength])
      body.contentType = fact(value.toLowerCase(), source, strength);
  }

  addServer(url: string, source: Source, strength: Strength): void {
    addServer(this.op.servers, url, source, strength);
  }

  addSecurity(hint: SecurityHint, source: Source): void {
    addSecurity(this.op.security, hint, source);
  }

  /** The operation with its request body, when the body states anything, and its responses. */
  finish(): OperationFragment {
    if (this.body && (this.body.fields.length > 0 || this.body.example || this.body.contentType)) {
      this.op.requestBody = this.body;
    }
    this.op.responses = [...this.responses.values()];
    return this.op;
  }
}

export function addSecurity(list: Fact<SecurityHint>[], hint: SecurityHint, source: Source): void {
  const key = JSON.stringify(hint);
  if (!list.some((f) => JSON.stringify(f.value) === key)) list.push(fact(hint, source, "example"));
}
