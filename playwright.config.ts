import { defineConfig } from '@playwright/test';

// Overridable so that several checkouts on one machine can run their suites at once.
const PORT = Number(process.env.E2E_PORT ?? 4173);
// The fuzz suite changes demo data at random (it withdraws, screens, removes members):
// it gets a server of its own on the next port, so that the other specs' world holds.
const FUZZ_PORT = PORT + 1;
// Digital Job Coaching's final tenders deadline, in minutes after the server seeded it
// (src/lib/server/seed-chain.ts): long enough for chain.spec.ts to build and submit its
// concept on a busy machine, short enough not to keep the suite waiting.
const CHAIN_MINUTES = Number(process.env.E2E_CHAIN_MINUTES ?? 8);
// Demo accounts have no default password: the tests give one (tests/e2e/helpers.ts).
const DEMO_PASSWORD = process.env.DEMO_PASSWORD ?? 'Talkoot-demo-2026!';

export default defineConfig({
	testDir: 'tests/e2e',
	outputDir: 'test-results/output',
	fullyParallel: true,
	workers: 2,
	forbidOnly: Boolean(process.env.CI),
	retries: 0,
	timeout: 60_000,
	// A client navigation on the loaded two-core CI machine (two workers, two servers, the
	// chain's clock) has taken over Playwright's default 5 s to show its page: stop 34's CI
	// failed on one such wait (organisations.spec, the second removal question).
	expect: { timeout: 10_000 },
	reporter: [['list']],
	use: {
		baseURL: `http://localhost:${PORT}`,
		locale: 'en-GB',
		trace: 'retain-on-failure',
		// Without these a missing element waits out the whole test, and the failure names no
		// line: a step that has not happened in 20 s names itself.
		actionTimeout: 20_000,
		navigationTimeout: 40_000,
		launchOptions: {
			// Debian's Chromium: Playwright's own browser download is not available here.
			executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
			args: [
				'--no-sandbox',
				'--disable-gpu',
				'--disable-dev-shm-usage',
				'--disable-background-networking',
				'--disable-component-update',
				'--disable-sync',
				'--no-first-run',
				'--disable-quic'
			]
		}
	},
	// The whole chain of issue 14 (tests/e2e/chain.spec.ts) waits for a concepts deadline set
	// a few minutes after the server seeds: it runs first, beside the others, so that its
	// team submits before that deadline.
	projects: [
		{ name: 'chain', testMatch: 'chain.spec.ts' },
		{ name: 'main', testIgnore: 'chain.spec.ts' }
	],
	webServer: [PORT, FUZZ_PORT].map((port) => ({
		// The production build, on a fresh embedded database with demo data.
		command: `rm -rf .data-e2e-${port} && node server.js`,
		url: `http://localhost:${port}/`,
		// A fresh embedded database migrates and seeds first: slow on a busy two-core machine.
		timeout: 240_000,
		reuseExistingServer: false,
		stdout: 'ignore' as const,
		stderr: 'pipe' as const,
		env: {
			PORT: String(port),
			HOST: '127.0.0.1',
			ORIGIN: `http://localhost:${port}`,
			DATA_DIR: `.data-e2e-${port}`,
			DEMO_PASSWORD,
			DEMO_CHAIN_CONCEPTS_MINUTES: String(CHAIN_MINUTES),
			LOG_LEVEL: 'warn',
			NODE_ENV: 'production',
			// The demo admin's second factor (tests/e2e/helpers.ts computes its codes).
			DEMO_TOTP_SECRET: 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP'
		}
	}))
});
