// ESLint flat config: the recommended JavaScript and TypeScript rules, React's hook rules for the
// Ink UIs, and eslint-config-prettier last so formatting is left to prettier (`npm run lint`).
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['gen/', 'dist/', 'data/', 'bench/results/', 'node_modules/'] },
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    languageOptions: { globals: globals.node },
    rules: {
      // The two classic hook rules. The plugin's React Compiler rules (refs, set-state-in-effect, …)
      // are left out: no compiler runs here, and the latest-value ref written during render is a
      // deliberate pattern of terminal/hooks/use-keys.ts.
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
      // `_name` marks a value taken apart on purpose and not used.
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
    },
  },
  { files: ['**/*.js'], languageOptions: { globals: globals.node } },
  prettier,
);
