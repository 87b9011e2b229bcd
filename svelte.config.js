import adapter from '@sveltejs/adapter-node';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

const dev = process.env.NODE_ENV === 'development';

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	// Every component of the app in runes mode, including those that use no rune: one in
	// legacy mode turns Svelte's legacy mode on for the page it is in (the language switcher
	// did so on every page, issue 16). Packages' components keep their own choice.
	compilerOptions: {
		runes: ({ filename }) => (filename.split(/[/\\]/).includes('node_modules') ? undefined : true)
	},
	kit: {
		adapter: adapter({ out: 'build' }),
		// Routes are matched on the server: the browser is not sent the table of every route and
		// the files each needs (about 6 kB gzipped on every page, issue 16); a client-side
		// navigation asks the server which route a link leads to.
		router: { resolution: 'server' },
		// SvelteKit's refusal of a cross-site form post is English plain text, answered before
		// any hook: its check is off here ('*' trusts every origin; `checkOrigin` is deprecated)
		// and src/hooks.server.ts makes the same check first, refusing in the request's
		// language (src/lib/server/http/cross-site.ts). Remote functions keep SvelteKit's own.
		csrf: { trustedOrigins: ['*'] },
		csp: {
			// Hashes, not nonces, on every page: a page then holds no per-request secret, so
			// an anonymous visitor's page can be served again from the page cache
			// (src/lib/server/page-cache.ts) without replaying a nonce.
			mode: 'hash',
			directives: {
				'default-src': ['self'],
				'script-src': ['self'],
				// Vite injects component styles at runtime in development only.
				'style-src': dev ? ['self', 'unsafe-inline'] : ['self'],
				// SvelteKit's route announcer positions itself with a style attribute.
				'style-src-attr': ['unsafe-inline'],
				'img-src': ['self', 'data:'],
				'font-src': ['self'],
				'connect-src': ['self', 'ws:', 'wss:'],
				'form-action': ['self'],
				'object-src': ['none'],
				'base-uri': ['none'],
				'frame-ancestors': ['none']
			}
		}
	}
};

export default config;
