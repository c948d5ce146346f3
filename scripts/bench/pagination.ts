// `npm run bench -- --pagination` (run.ts): how many list operations of Stripe's and GitHub's full specs
// each pagination style detects (scripts/generate/model/pagination.ts), and how many operations the
// client names `list`/`search` but pages in no detected style (they return one page only).
import { loadSpec } from "../spec/index.ts";
import { buildModel } from "../generate/model/build-model.ts";
import type { OperationModel } from "../generate/model/codegen-model.ts";
import { realSpecs } from "./real-specs.ts";

function styleOf(op: OperationModel): string {
  const p = op.pagination;
  if (!p) return "none";
  if (p.kind === "cursor")
    return `cursor ${p.cursorField} -> ${p.cursorParam}${p.hasMoreField ? ` (${p.hasMoreField})` : ""}`;
  if (p.kind === "pageNumber")
    return `pageNumber${p.sizeParam ? ` + ${p.sizeParam}` : ""}${p.totalPagesField ? ` + ${p.totalPagesField}` : ""}`;
  if (p.kind === "offset")
    return `offset${p.limitParam ? ` + ${p.limitParam}` : ""}${p.totalField ? ` + ${p.totalField}` : ""}`;
  return p.kind;
}

export async function benchPagination(): Promise<void> {
  for (const [name, path] of Object.entries(realSpecs())) {
    const { document } = await loadSpec(path);
    const model = buildModel({ document, packageName: "x", specName: name, specHash: "" });
    const counts = new Map<string, number>();
    for (const op of model.operations) {
      if (!op.pagination) continue;
      counts.set(styleOf(op), (counts.get(styleOf(op)) ?? 0) + 1);
    }
    const unpaged = model.operations.filter(
      (op) => !op.pagination && op.method === "get" && /^(list|search)/.test(op.methodName),
    );
    const paged = model.operations.filter((op) => op.pagination).length;
    console.log(`pagination ${name}: ${paged} paged list operations of ${model.operations.length}`);
    for (const [style, count] of [...counts].sort((a, b) => b[1] - a[1])) {
      console.log(`  ${String(count).padStart(5)}  ${style}`);
    }
    console.log(`  ${String(unpaged.length).padStart(5)}  GET list/search methods in no detected style`);
    for (const op of unpaged.slice(0, 15)) console.log(`         ${op.method.toUpperCase()} ${op.path}`);
  }
}
