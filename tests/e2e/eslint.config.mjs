// ESLint (flat config) for the animated view's browser code (explainer/ui/animated_view/assets), run from the
// repository root by tests/test_lint.py with the ESLint that scripts/test.sh installs here (npm ci).
import js from '@eslint/js';
import globals from 'globals';

export default [
  js.configs.recommended,
  {
    files: ['explainer/ui/animated_view/assets/**/*.js', 'explainer/ui/page_keys/**/*.js', 'explainer/ui/browser/**/*.js'],
    languageOptions: {
      ecmaVersion: 2022,
      sourceType: 'module',
      globals: { ...globals.browser },
    },
    rules: {
      'no-unused-vars': ['error', { args: 'after-used' }],
      'no-var': 'error',
      'prefer-const': 'error',
      eqeqeq: ['error', 'always'],
      'no-implicit-globals': 'error',
      'no-eval': 'error',
      'no-new-func': 'error',
      'no-restricted-properties': ['error', { object: 'document', property: 'write' }],
      'no-restricted-syntax': ['error', { selector: "AssignmentExpression[left.property.name='innerHTML']", message: 'Build DOM nodes; never parse HTML.' }],
    },
  },
  {
    // explainer/ui/browser: classic scripts run by st.html, each defining one window.ei... function
    files: ['explainer/ui/browser/**/*.js'],
    languageOptions: { ecmaVersion: 2022, sourceType: 'script', globals: { ...globals.browser } },
  },
];
