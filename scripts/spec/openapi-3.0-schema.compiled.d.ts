// Types of the generated validator module beside this file (see compile-schema.ts).
interface CompiledSchema {
  (data: unknown): boolean;
  errors?:
    { instancePath: string; keyword: string; message?: string; params?: Record<string, unknown> }[] | null;
}
declare const validate: CompiledSchema;
export default validate;
