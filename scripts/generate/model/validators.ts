// The request validators of an operation: which parts of a request are checked (in the order the client
// runs them) and the schema each part is checked against, so the validators template compiles what the
// model says and reads nothing of the spec.
import type { BodyModel, ParameterModel, ValidatorModel } from "./codegen-model.ts";
import { escapeSegment } from "../../lib/json-pointer.ts";
import { isCheckedBody } from "./body.ts";
import { isFormType } from "../../../templates/runtime/body.ts";

type Part = ValidatorModel["part"];

interface RequestFacts {
  path: string;
  method: string;
  parameters: ParameterModel[];
  body?: BodyModel;
}

/** The parts of a request its validators check, in the order the client runs them. */
export function validatorParts(facts: RequestFacts): Part[] {
  const parts: Part[] = [];
  for (const part of ["path", "query", "header"] as const) {
    if (facts.parameters.some((p) => p.in === part && p.schema !== undefined)) parts.push(part);
  }
  if (facts.body?.schema !== undefined && isCheckedBody(facts.body.mediaType)) parts.push("body");
  return parts;
}

/** The operation's parameters in one place as one object schema: `{ limit: {...}, starting_after: {...} }`. */
function parametersSchema(
  parameters: ParameterModel[],
  part: Exclude<Part, "body">,
): Record<string, unknown> {
  const checked = parameters.filter((p) => p.in === part && p.schema !== undefined);
  // Built with null-prototype maps: a parameter named "__proto__" is a plain key here too.
  const properties: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
  for (const p of checked) properties[p.name] = p.schema;
  const required = checked.filter((p) => p.required).map((p) => p.name);
  return { type: "object", properties, ...(required.length > 0 ? { required } : {}) };
}

/** A named validator with what it checks. */
export function validatorOf(facts: RequestFacts, named: { name: string; part: Part }): ValidatorModel {
  const { name, part } = named;
  if (part === "body") {
    const body = facts.body;
    if (!body) throw new Error(`${name}: the operation has no body`);
    return { name, part, schema: body.schema, pointer: body.schemaPointer, form: isFormType(body.mediaType) };
  }
  const at = ["", "paths", facts.path, facts.method].map(escapeSegment).join("/");
  return {
    name,
    part,
    schema: parametersSchema(facts.parameters, part),
    pointer: `${at}/parameters`,
    form: false,
  };
}
