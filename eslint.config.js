// Lint rules, including the folder rules of ARCHITECTURE.md: it is always obvious where a file runs.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const ELECTRON = { name: 'electron', message: "Only main/electron/ may import 'electron'." };
const NATIVE_DB = { name: 'better-sqlite3', message: 'Only main/db/ opens the database.' };
const toMain = { regex: '(^|/)main/', message: 'The renderer and shared/ never import main/: ask the core through the API.' };
const toRenderer = { regex: '(^|/)renderer/', message: 'Only the renderer imports renderer code.' };
const nodeBuiltins = { regex: '^node:', message: 'shared/ and the renderer run in the page: no Node built-ins.' };
// The renderer's layers: app/ (the root: App, Shell, routes) > pages/ > components/ > platform/ (API client,
// query cache, session, clock, links). An import never runs back up, and a page is imported by the root only.
const rendererBase = [toMain, nodeBuiltins];
const upToRoot = { regex: '^(\\.\\./)+app(/|$)', message: 'Only the root (renderer/src/app) imports the app: take what you need from platform/.' };
const upToPages = { regex: '^(\\.\\./)+pages(/|$)', message: 'Nothing imports a page but the root (app/routes.tsx); shared pieces live in components/.' };
const toOtherPage = { regex: '^\\.\\./[^./]', message: "A page does not import another page's folder; move what both need to components/." };
const platformUp = { regex: '^\\.\\./(app|pages|components)(/|$)', message: 'platform/ is the bottom layer: it imports neither the root, pages nor components.' };
const rendererLayer = (patterns) => ({ 'no-restricted-imports': ['error', { paths: [ELECTRON, NATIVE_DB], patterns: [...rendererBase, ...patterns] }] });

const toTransport = {
  regex: '^(\\.\\./)+(api|host|electron|app)(/|$)',
  message: 'main/core/ never imports a transport (api, host, electron) or the composition root.',
};

export default tseslint.config(
  { ignores: ['dist/**', 'release/**', 'node_modules/**', 'test-results/**', 'playwright-report/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-syntax': ['error', { selector: 'ExportDefaultDeclaration', message: 'Use named exports.' }],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'warn',
      'no-restricted-imports': ['error', { paths: [ELECTRON, NATIVE_DB], patterns: [toMain, nodeBuiltins] }],
    },
  },
  { files: ['renderer/src/platform/**/*.{ts,tsx}'], rules: rendererLayer([platformUp]) },
  { files: ['renderer/src/components/**/*.{ts,tsx}'], rules: rendererLayer([upToRoot, upToPages]) },
  { files: ['renderer/src/pages/*/**/*.{ts,tsx}'], rules: rendererLayer([upToRoot, upToPages, toOtherPage]) },
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: [ELECTRON, NATIVE_DB], patterns: [toMain, toRenderer, nodeBuiltins] }],
    },
  },
  {
    files: ['main/**/*.{ts,tsx}'],
    ignores: ['main/electron/**'],
    rules: { 'no-restricted-imports': ['error', { paths: [ELECTRON], patterns: [toRenderer] }] },
  },
  {
    files: ['main/core/**/*.{ts,tsx}'],
    rules: { 'no-restricted-imports': ['error', { paths: [ELECTRON, NATIVE_DB], patterns: [toRenderer, toTransport] }] },
  },
  {
    files: ['main/db/migrations/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    // Config files and scripts are tools, not product code: default exports are what their tools expect.
    files: ['*.config.{ts,js}', 'eslint.config.js', 'scripts/**/*.mjs'],
    rules: { 'no-restricted-syntax': 'off' },
  },
);
