// ESLint for the site's own scripts (python3 dev.py test runs it; the packages are in package.json).
// Vendored third-party code (Leaflet, axe-core) is not ours to lint.
import js from "@eslint/js";
import globals from "globals";

export default [
  // Test fixtures are hostile input on purpose (tests/fixtures/invalid/content/script.js).
  { ignores: ["overrides/assets/vendor/**", "tests/vendor/**", "tests/fixtures/**", "site/**", ".venv/**", ".mutation/**", "node_modules/**"] },
  js.configs.recommended,
  {
    files: ["overrides/assets/javascripts/**/*.js"],
    languageOptions: {
      ecmaVersion: 2022,
      sourceType: "module",
      globals: { ...globals.browser, L: "readonly" },
    },
    rules: {
      eqeqeq: "error",
      "no-var": "error",
      "prefer-const": "error",
      "no-implicit-globals": "error",
      "no-unused-vars": ["error", { caughtErrors: "none" }],
      // Data is set as text (textContent, text nodes), never parsed as HTML: a contributor's text must not run.
      "no-restricted-syntax": ["error",
        { selector: "AssignmentExpression > MemberExpression.left[property.name=/^(innerHTML|outerHTML)$/]",
          message: "Zet tekst met textContent; HTML uit gegevens kan code uitvoeren." },
        { selector: "CallExpression[callee.property.name=/^(insertAdjacentHTML|write|writeln)$/]",
          message: "Bouw elementen met createElement en textContent." }],
    },
  },
  {
    // A classic script (mkdocs.yml extra_javascript), not a module.
    files: ["overrides/assets/javascripts/toetsenbord.js"],
    languageOptions: { sourceType: "script" },
    rules: { "no-var": "off" },
  },
  {
    files: ["eslint.config.js", "tests/**/*.js"],
    languageOptions: { sourceType: "module", globals: { ...globals.node } },
  },
];
