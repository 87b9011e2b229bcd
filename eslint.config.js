import { resolve } from 'node:path';
import js from '@eslint/js';
import { createNodeResolver, importX } from 'eslint-plugin-import-x';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import ts from 'typescript-eslint';
import svelteConfig from './svelte.config.js';

// The layers (README, "Layout"): what each part of the code may import. A broken rule names
// the layer rule in its message.
const KIT = {
	group: ['@sveltejs/kit', '@sveltejs/kit/*'],
	message:
		'Only src/routes and src/lib/server/http import @sveltejs/kit: return an outcome and let the route (or server/http) answer in HTTP.'
};
const DOMAIN_ONLY = {
	regex: '^(?!(zod|node:crypto|@oslojs/.*|any-ascii|diff|\\./.*|\\$lib/domain/.*)$)',
	message:
		'src/lib/domain is pure: it imports only domain modules, zod, crypto (node:crypto, @oslojs/*), any-ascii (transliteration tables) and diff (jsdiff, text differences).'
};
const NOT_FROM_ROUTES = {
	group: ['$lib/server/db', '$lib/server/db/*', '$lib/server/realtime', '$lib/server/realtime/*'],
	message:
		'Routes call capabilities (src/lib/server/<capability>), never the database or the socket layer directly.'
};

export default ts.config(
	{
		ignores: [
			'build/',
			'.svelte-kit/',
			'node_modules/',
			'src/lib/paraglide/',
			'test-results/',
			'playwright-report/',
			'.data*/'
		]
	},
	js.configs.recommended,
	...ts.configs.recommended,
	...svelte.configs.recommended,
	{
		languageOptions: { globals: { ...globals.browser, ...globals.node } },
		rules: {
			'@typescript-eslint/no-unused-vars': [
				'error',
				{ argsIgnorePattern: '^_', varsIgnorePattern: '^_' }
			],
			// The app is served at the root (no paths.base), so plain hrefs are correct.
			'svelte/no-navigation-without-resolve': 'off'
		}
	},
	// No import cycles anywhere in the app (eslint-plugin-import-x, resolving $lib and .svelte).
	{
		files: ['src/**/*.ts', 'src/**/*.js', 'src/**/*.svelte'],
		plugins: { 'import-x': importX },
		// A .svelte module reached from a .ts file is parsed with that file's parser options:
		// its <script lang="ts"> needs the TypeScript parser named there too.
		languageOptions: { parserOptions: { parser: ts.parser } },
		settings: {
			'import-x/resolver-next': [
				createNodeResolver({
					extensions: ['.ts', '.js', '.svelte', '.json'],
					alias: { $lib: [resolve('src/lib')] }
				})
			],
			'import-x/parsers': {
				'@typescript-eslint/parser': ['.ts', '.js'],
				'svelte-eslint-parser': ['.svelte']
			},
			'import-x/extensions': ['.ts', '.js', '.svelte']
		},
		rules: { 'import-x/no-cycle': ['error', { ignoreExternal: true }] }
	},
	{
		files: ['src/lib/domain/**/*.ts'],
		ignores: ['src/lib/domain/**/*.test.ts', 'src/lib/domain/**/*.testing.ts'],
		rules: { 'no-restricted-imports': ['error', { patterns: [DOMAIN_ONLY] }] }
	},
	{
		files: ['src/routes/**/*.ts', 'src/routes/**/*.svelte'],
		rules: { 'no-restricted-imports': ['error', { patterns: [NOT_FROM_ROUTES] }] }
	},
	{
		files: ['src/lib/**/*.ts', 'src/lib/**/*.js'],
		ignores: ['src/lib/server/http/**', 'src/lib/domain/**', 'src/**/*.test.ts'],
		rules: { 'no-restricted-imports': ['error', { patterns: [KIT] }] }
	},
	// Components may use Kit's types (SubmitFunction for `enhance`), never its runtime
	// (error, redirect, fail …): that answers in HTTP, which only routes and server/http do.
	{
		files: ['src/lib/**/*.svelte'],
		rules: {
			'@typescript-eslint/no-restricted-imports': [
				'error',
				{ patterns: [{ ...KIT, allowTypeImports: true }] }
			]
		}
	},
	{
		files: ['**/*.svelte', '**/*.svelte.ts'],
		languageOptions: {
			parserOptions: {
				projectService: true,
				extraFileExtensions: ['.svelte'],
				parser: ts.parser,
				svelteConfig
			}
		}
	}
);
