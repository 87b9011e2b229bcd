import { sveltekit } from '@sveltejs/kit/vite';
import { paraglideVitePlugin } from '@inlang/paraglide-js';
import { defineConfig } from 'vitest/config';
import type { Plugin } from 'vite';
import { pluralRulesOncePlugin } from './scripts/plural-rules-once.js';

/** Attaches the same socket.io server as server.js to Vite's dev server. */
function realtimeDevPlugin(): Plugin {
	return {
		name: 'talkoot-realtime-dev',
		apply: (_config, env) => env.command === 'serve' && !process.env.VITEST,
		// ORIGIN's development default (http://localhost:$PORT) is the dev server's address.
		config: () => ({ server: { port: Number((process.env.PORT ??= '5173')) } }),
		configureServer(server) {
			if (!server.httpServer) return;
			const httpServer = server.httpServer;
			// Loaded through Vite so it shares module instances (the database) with SvelteKit.
			server
				.ssrLoadModule('/src/lib/server/realtime/attach.ts')
				.then((mod) => mod.attachRealtime(httpServer))
				.catch((e) => server.config.logger.error(`realtime: ${e}`));
		}
	};
}

export default defineConfig({
	plugins: [
		// Under Vitest the messages are compiled once beforehand (npm run i18n); the plugin's
		// file watcher would otherwise keep the test run from exiting.
		!process.env.VITEST &&
			paraglideVitePlugin({
				project: './project.inlang',
				outdir: './src/lib/paraglide',
				strategy: ['cookie', 'preferredLanguage', 'baseLocale']
			}),
		pluralRulesOncePlugin(),
		sveltekit(),
		realtimeDevPlugin()
	],
	test: {
		include: ['src/**/*.test.ts', 'tests/integration/**/*.test.ts'],
		environment: 'node',
		env: { LOG_LEVEL: 'silent', NODE_ENV: 'test', SEED_DEMO: 'false', DATA_DIR: '.data-test' },
		globalSetup: ['tests/integration/global-setup.ts'],
		testTimeout: 30_000,
		hookTimeout: 60_000
	}
});
