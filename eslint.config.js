import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['src/config/*.generated.*', 'bench/data/**', 'dist/**', 'node_modules/**', 'coverage/**', 'examples/**/node_modules/**', '**/*.cjs', 'out/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-imports': 'off'
    }
  },
  {
    // Domain code never talks to GitHub directly: adapters in src/github and entry points do.
    files: ['src/data/**', 'src/model/**', 'src/gate/**', 'src/lineage/**', 'src/registry/**', 'src/serve/**', 'src/deploy/**', 'src/report/**', 'src/train/**', 'src/monitor/**'],
    rules: {
      'no-restricted-imports': ['error', { patterns: ['@actions/*', '@octokit/*', 'octokit'] }]
    }
  },
  {
    files: ['**/*.js', '**/*.mjs'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly', fetch: 'readonly' } }
  }
);
