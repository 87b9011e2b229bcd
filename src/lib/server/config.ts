import { join, resolve } from 'node:path';
import { z } from 'zod';

const schema = z.object({
	DATA_DIR: z.string().min(1).default('.data'),
	DATABASE_URL: z.string().url().optional(),
	SMTP_URL: z.string().url().optional(),
	MAIL_FROM: z.string().min(3).default('Talkoot <no-reply@talkoot.localhost>'),
	SEED_DEMO: z.enum(['true', 'false']).optional(),
	DEMO_PASSWORD: z.string().min(12).optional(),
	// The demo admin's TOTP key (base32, 32 letters); generated at seeding when unset.
	DEMO_TOTP_SECRET: z
		.string()
		.regex(/^[A-Z2-7]{32}$/)
		.optional(),
	// How long the Digital Job Coaching demo's concepts stage stays open after seeding, in
	// minutes (20 days by default; the end-to-end suite walks its whole chain in one run).
	DEMO_CHAIN_CONCEPTS_MINUTES: z.coerce.number().int().min(1).max(525_600).default(28_800),
	LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
	ORIGIN: z.string().url().optional(),
	PORT: z.coerce.number().int().min(0).max(65535).default(3000),
	ADDRESS_HEADER: z
		.string()
		.regex(/^[A-Za-z0-9-]+$/)
		.transform((h) => h.toLowerCase())
		.optional(),
	XFF_DEPTH: z.coerce.number().int().min(1).max(20).default(1),
	REDIS_URL: z.string().url().optional(),
	NODE_ENV: z.string().default('development'),
	// The privacy notice's controller (GDPR Art. 13(1)(a)-(b)): who decides on the personal
	// data and how to reach them and their data protection officer. Demo defaults.
	PRIVACY_CONTROLLER_NAME: z.string().min(1).max(200).default('Talkoot demo (City of Example)'),
	PRIVACY_CONTROLLER_ADDRESS: z.string().min(1).max(400).default('PL 1, 00099 Example City'),
	PRIVACY_CONTROLLER_EMAIL: z.string().email().default('privacy@talkoot.localhost'),
	PRIVACY_DPO_EMAIL: z.string().email().default('dpo@talkoot.localhost')
});

type Parsed = z.infer<typeof schema>;

export type Config = Omit<Parsed, 'ORIGIN'> & {
	/** The public address, always set: from ORIGIN, or http://localhost:$PORT where allowed. */
	ORIGIN: string;
	/** True when ORIGIN was not given and the localhost default is in use. */
	originDefaulted: boolean;
	/** Whether demo accounts and data are seeded into an empty database (see demoSeeding). */
	seedDemo: boolean;
};

/** A start-up refusal with words for the operator (server.js prints only the message). */
export class ConfigError extends Error {
	override name = 'ConfigError';
}

/**
 * Demo accounts exist only where nobody can mistake them for real ones: on the embedded
 * database, or on a real PostgreSQL only when SEED_DEMO=true is set. SEED_DEMO=false
 * always wins. (Issue 10, item 2: a fresh production database got a demo platform admin.)
 */
export function demoSeeding(env: Pick<Parsed, 'SEED_DEMO' | 'DATABASE_URL'>): boolean {
	if (env.SEED_DEMO) return env.SEED_DEMO === 'true';
	return !env.DATABASE_URL;
}

/**
 * Environment, validated once; an unset or empty variable takes its default.
 * ORIGIN: required in production on a real PostgreSQL (DATABASE_URL), because every link
 * in mail is built from it and the Host header is the sender's to choose; elsewhere (the
 * embedded quick start, development, tests) it defaults to http://localhost:$PORT.
 * Throws a ConfigError naming the variable when something is missing or invalid.
 */
export function readConfig(env: Record<string, string | undefined> = process.env): Config {
	const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== ''));
	const parsed = schema.safeParse(present);
	if (!parsed.success) {
		const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
		throw new ConfigError(`Invalid environment: ${problems.join('; ')}`);
	}
	const data = parsed.data;
	if (!data.ORIGIN && data.NODE_ENV === 'production' && data.DATABASE_URL) {
		throw new ConfigError(
			'ORIGIN is not set. In production with DATABASE_URL, Talkoot needs its public address ' +
				'to build the links it mails, e.g. ORIGIN=https://talkoot.example.fi'
		);
	}
	const origin = data.ORIGIN ? new URL(data.ORIGIN).origin : `http://localhost:${data.PORT}`;
	return {
		...data,
		ORIGIN: origin,
		originDefaulted: !data.ORIGIN,
		seedDemo: demoSeeding(data)
	};
}

export const config = readConfig();

/** A path under DATA_DIR (embedded database, uploads, development mail), absolute. */
export const dataPath = (...parts: string[]) => join(resolve(config.DATA_DIR), ...parts);
