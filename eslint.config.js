// @ts-check
/**
 * Lint (npm run lint): typescript-eslint's type-aware recommended rules and
 * the three that keep the typing honest: no `any`, no `!`, no `as` on an
 * object literal. Import cycles are checked by dpdm (npm run lint:cycles),
 * which, unlike eslint's import plugins, also counts `import type`: a cycle
 * of types is still two modules that cannot be read one after the other.
 * Formatting is prettier's (npm run format), not the linter's.
 */
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'output/', 'coverage/'] },
  {
    files: ['**/*.ts'],
    extends: [...tseslint.configs.recommendedTypeChecked],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-non-null-assertion': 'error',
      '@typescript-eslint/consistent-type-assertions': [
        'error',
        { assertionStyle: 'as', objectLiteralTypeAssertions: 'never' },
      ],
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' },
      ],
    },
  },
);
