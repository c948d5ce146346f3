// Lint config: the recommended rules of ESLint and typescript-eslint, and one project rule: code that reads
// user text (pages, spec strings) has no regex that can take super-linear time (issue 11: a line of 400,000
// spaces took minutes under one `\s+$`). eslint-plugin-regexp proves it per regex, including the "move"
// case where a search retries a quantifier from every start position.
import js from "@eslint/js";
import regexp from "eslint-plugin-regexp";
import tseslint from "typescript-eslint";

export default tseslint.config(
  {
    ignores: [
      "node_modules/**",
      "generated/**",
      "test/fixtures/**",
      "dist/**",
      "scripts/spec/openapi-3.*-schema.compiled.js",
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ["bin/**/*.js"],
    languageOptions: { globals: { process: "readonly", console: "readonly" } },
  },
  {
    files: [
      "scripts/scrape/**/*.ts",
      "scripts/capture/**/*.ts",
      "scripts/lib/**/*.ts",
      "scripts/diff/**/*.ts",
      "scripts/generate/**/*.ts",
      "templates/**/*.ts",
    ],
    plugins: { regexp },
    rules: {
      "regexp/no-super-linear-backtracking": "error",
      // Not only where a match is searched for: a `test` or `replace` over page text searches too.
      "regexp/no-super-linear-move": ["error", { ignoreSticky: false, ignorePartial: false }],
    },
  },
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
);
