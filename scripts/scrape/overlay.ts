// OpenAPI Overlay 1.0 (https://spec.openapis.org/overlay/v1.0.0): human corrections applied after the
// merge. Each action selects nodes with a JSONPath `target` and either merges `update` into them or
// removes them. A broken overlay is the user's input being wrong: a clear error naming the file.
import { JSONPath } from "jsonpath-plus";
import { UserError } from "../lib/errors.ts";
import { parseData } from "../lib/parse-data.ts";
import { readInputFile, specLimit, type SizeLimit } from "../lib/read-input.ts";

export interface OverlayAction {
  target: string;
  description?: string;
  update?: unknown;
  remove?: boolean;
}

export interface Overlay {
  actions: OverlayAction[];
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

export function parseOverlay(text: string, file: string): Overlay {
  const data = parseData(text, file);
  if (!isRecord(data) || typeof data.overlay !== "string" || !/^1\.0\.\d+$/.test(data.overlay)) {
    throw new UserError("not an OpenAPI Overlay 1.0 document (it needs `overlay: 1.0.0`)", file);
  }
  if (!isRecord(data.info) || typeof data.info.title !== "string" || typeof data.info.version !== "string") {
    throw new UserError("overlay needs info.title and info.version", file);
  }
  if (!Array.isArray(data.actions) || data.actions.length === 0) {
    throw new UserError("overlay needs a non-empty `actions` list", file);
  }
  const actions = data.actions.map((a, i): OverlayAction => {
    if (!isRecord(a) || typeof a.target !== "string" || !a.target.startsWith("$")) {
      throw new UserError(`actions[${i}] needs a JSONPath \`target\` starting with $`, file);
    }
    if (a.update === undefined && a.remove !== true) {
      throw new UserError(`actions[${i}] needs \`update\` or \`remove: true\``, file);
    }
    return a as unknown as OverlayAction;
  });
  return { actions };
}

export async function readOverlay(
  path: string,
  displayName: string,
  limit: SizeLimit = specLimit(),
): Promise<Overlay> {
  return parseOverlay(readInputFile(path, displayName, "overlay", limit).toString("utf8"), displayName);
}

/** Deep merge per the Overlay spec: objects merge recursively, arrays get the update's items appended. */
function mergeInto(target: unknown, update: unknown): unknown {
  if (Array.isArray(target)) return [...target, ...(Array.isArray(update) ? update : [update])];
  if (isRecord(target) && isRecord(update)) {
    for (const [key, value] of Object.entries(update)) {
      // Never let a key in an overlay reach the prototype chain.
      if (key === "__proto__" || key === "constructor" || key === "prototype") continue;
      target[key] = key in target ? mergeInto(target[key], value) : structuredClone(value);
    }
    return target;
  }
  return structuredClone(update);
}

export interface OverlayOutcome {
  /** Actions whose target matched nothing: worth a warning, since the spec may have moved on. */
  unmatched: OverlayAction[];
  applied: number;
}

export function applyOverlay(
  document: Record<string, unknown>,
  overlay: Overlay,
  file: string,
): OverlayOutcome {
  const outcome: OverlayOutcome = { unmatched: [], applied: 0 };
  overlay.actions.forEach((action, i) => {
    let matches: { parent: unknown; parentProperty: string | number; value: unknown }[];
    try {
      matches = JSONPath({
        path: action.target,
        json: document,
        resultType: "all",
        eval: false,
      }) as typeof matches;
    } catch (error) {
      throw new UserError(
        `actions[${i}].target is not a valid JSONPath: ${error instanceof Error ? error.message : error}`,
        file,
      );
    }
    if (matches.length === 0) {
      outcome.unmatched.push(action);
      return;
    }
    // Apply removals from the last match backwards so array indices stay valid.
    for (const match of [...matches].reverse()) {
      const parent = match.parent as Record<string | number, unknown> | unknown[] | null;
      if (action.remove) {
        if (Array.isArray(parent)) parent.splice(Number(match.parentProperty), 1);
        else if (parent) delete (parent as Record<string, unknown>)[match.parentProperty];
      } else if (parent) {
        (parent as Record<string | number, unknown>)[match.parentProperty] = mergeInto(
          match.value,
          action.update,
        );
      } else {
        mergeInto(document, action.update);
      }
    }
    outcome.applied++;
  });
  return outcome;
}
