import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['node_modules/', '.output/', '.output-*/', '.wxt/', 'dictionary/build/'] },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    rules: {
      // Page strings must never be parsed as HTML (see DEVELOPERS.md).
      'no-restricted-properties': [
        'error',
        { property: 'innerHTML', message: 'Build DOM nodes; never parse page or dictionary text as HTML.' },
        { property: 'outerHTML', message: 'Build DOM nodes; never parse page or dictionary text as HTML.' },
        { property: 'insertAdjacentHTML', message: 'Build DOM nodes; never parse page or dictionary text as HTML.' },
      ],
      'no-console': ['error', { allow: ['warn', 'error'] }],
    },
  },
  {
    files: ['scripts/**', 'bench/**', 'tests/**'],
    rules: { 'no-console': 'off' },
  },
);
