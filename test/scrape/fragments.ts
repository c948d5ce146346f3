// Builders for hand-made fragments, so merge tests state only what each case is about.
import type {
  FieldFragment,
  HttpMethod,
  OperationFragment,
  PageFragment,
  ParameterFragment,
  Strength,
} from "../../scripts/scrape/fragment.ts";
import { emptyOperation, emptyPageFragment, fact } from "../../scripts/scrape/fragment.ts";

export function page(
  file: string,
  operations: OperationFragment[],
  extra: Partial<PageFragment> = {},
): PageFragment {
  return { ...emptyPageFragment(file, "test"), operations, ...extra };
}

export function op(
  file: string,
  line: number,
  parts: {
    method?: HttpMethod;
    path?: string;
    title?: string;
    slug?: string;
    strength?: Strength;
  } & Partial<Omit<OperationFragment, "method" | "path" | "title" | "slug">>,
): OperationFragment {
  const source = { file, line };
  const strength = parts.strength ?? "typed";
  const { method, path, title, slug, strength: _s, ...rest } = parts;
  const out: OperationFragment = { ...emptyOperation(source), ...rest };
  if (method) out.method = fact(method, source, strength);
  if (path) out.path = fact(path, source, strength);
  if (title) out.title = fact(title, source, "prose");
  if (slug) out.slug = fact(slug, source, "prose");
  return out;
}

export function field(
  file: string,
  line: number,
  path: string,
  schema: FieldFragment["schema"],
  strength: Strength,
  extra: Partial<FieldFragment> = {},
): FieldFragment {
  return { path: path.split("."), schema, source: { file, line }, strength, ...extra };
}

export function param(
  file: string,
  line: number,
  location: ParameterFragment["in"],
  name: string,
  schema: FieldFragment["schema"],
  strength: Strength,
  extra: Partial<FieldFragment> = {},
): ParameterFragment {
  return { in: location, path: [name], schema, source: { file, line }, strength, ...extra };
}
