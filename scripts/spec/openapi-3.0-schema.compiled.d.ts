// Types of the generated validator module beside this file (see compile-schema.ts): the 3.1 module's.
export { default } from "./openapi-3.1-schema.compiled.js";
