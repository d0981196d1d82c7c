// ESLint (flat config) for every JavaScript file of the project: the browser components' code
// (explainer/ui/components/<name>/assets), its unit tests (tests/js, run by node --test) and this file.  Run from the
// repository root by tests/test_lint.py with the ESLint that scripts/test.sh installs here (npm ci).
import js from '@eslint/js';
import globals from 'globals';

const rules = {
  'no-unused-vars': ['error', { args: 'after-used' }],
  'no-var': 'error',
  'prefer-const': 'error',
  eqeqeq: ['error', 'always'],
  'no-implicit-globals': 'error',
  'no-eval': 'error',
  'no-new-func': 'error',
  'no-restricted-properties': ['error', { object: 'document', property: 'write' }],
  'no-restricted-syntax': ['error', { selector: "AssignmentExpression[left.property.name='innerHTML']", message: 'Build DOM nodes; never parse HTML.' }],
  // a function a maintainer reads at once
  'max-lines-per-function': ['error', { max: 59 }],
};

export default [
  js.configs.recommended,
  {
    files: ['explainer/ui/components/*/assets/**/*.js'],
    languageOptions: { ecmaVersion: 2022, sourceType: 'module', globals: { ...globals.browser } },
    rules,
  },
  {
    files: ['tests/js/**/*.mjs', 'tests/e2e/eslint.config.mjs'],
    languageOptions: { ecmaVersion: 2022, sourceType: 'module', globals: { ...globals.node } },
    rules,
  },
];
