import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import regexp from 'eslint-plugin-regexp';

export default tseslint.config(
  { ignores: ['src/config/*.generated.*', 'src/deploy/*.generated.*', 'src/data/*.generated.*', 'bench/data/**', 'dist/**', 'node_modules/**', 'coverage/**', 'examples/**/node_modules/**', '**/*.cjs', 'out/**'] },
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
    // A regex with nested or adjacent unbounded quantifiers can take exponential or quadratic time on
    // hostile text (an mlci.yml with a long comment header hung every command, issue 16).
    files: ['src/**/*.ts'],
    plugins: { regexp },
    rules: {
      'regexp/no-super-linear-backtracking': 'error',
      'regexp/no-super-linear-move': 'error'
    }
  },
  {
    // Domain code never talks to GitHub directly: adapters in src/github and entry points do.
    files: ['src/data/**', 'src/model/**', 'src/evaluation/**', 'src/stages/**', 'src/gate/**', 'src/lineage/**', 'src/registry/**', 'src/serve/**', 'src/deploy/**', 'src/report/**', 'src/train/**', 'src/monitor/**'],
    rules: {
      'no-restricted-imports': ['error', { patterns: ['@actions/*', '@octokit/*', 'octokit'] }]
    }
  },
  {
    files: ['**/*.js', '**/*.mjs'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly', fetch: 'readonly' } }
  }
);
