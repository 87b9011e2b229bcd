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
	// Supabase mode (issue 15): Supabase Auth and Storage instead of local accounts and files,
	// on when the project's URL, both keys and its Postgres (DATABASE_URL) are all set; a
	// partial set refuses to start (readConfig). Only PUBLIC_* values may ever reach a browser:
	// the service role key bypasses every policy and stays on the server.
	PUBLIC_SUPABASE_URL: z.string().url().optional(),
	PUBLIC_SUPABASE_ANON_KEY: z.string().min(20).optional(),
	SUPABASE_SERVICE_ROLE_KEY: z.string().min(20).optional(),
	// An OAuth provider offered on the sign-in page, as Supabase Auth names it (e.g. azure).
	SUPABASE_OAUTH_PROVIDER: z
		.string()
		.regex(/^[a-z][a-z0-9_]{1,30}$/)
		.optional(),
	// Retention (issue 15, GDPR Art. 5(1)(e)): personal data in the applications of teams
	// not selected is purged RETENTION_MONTHS Helsinki calendar months after the challenge
	// closes, audit log entries AUDIT_RETENTION_MONTHS after they were written. The app runs
	// the job daily unless RETENTION_SCHEDULE=off (then `npm run retention` by hand or cron).
	RETENTION_MONTHS: z.coerce.number().int().min(1).max(1200).default(24),
	AUDIT_RETENTION_MONTHS: z.coerce.number().int().min(1).max(1200).default(24),
	RETENTION_SCHEDULE: z.enum(['on', 'off']).default('on'),
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
	/** Supabase Auth and Storage in use (supabaseMode); null in local mode. */
	supabase: SupabaseConfig | null;
};

/** What Supabase mode needs, all present (readConfig refuses a partial set). */
export interface SupabaseConfig {
	url: string;
	anonKey: string;
	/** Server-only: never sent to a browser, never logged. */
	serviceRoleKey: string;
	/** The OAuth provider the sign-in page offers, or null for none. */
	oauthProvider: string | null;
}

/** The variables that together switch Supabase mode on. */
export const SUPABASE_VARIABLES = [
	'PUBLIC_SUPABASE_URL',
	'PUBLIC_SUPABASE_ANON_KEY',
	'SUPABASE_SERVICE_ROLE_KEY',
	'DATABASE_URL'
] as const;

/**
 * Supabase mode (issue 15): on when every SUPABASE_VARIABLES entry is set, off when none of
 * the Supabase ones is (DATABASE_URL alone is a plain PostgreSQL). Throws a ConfigError
 * naming what is missing for a partial set, and when SUPABASE_OAUTH_PROVIDER is given
 * without Supabase mode.
 */
export function supabaseMode(
	env: Pick<Parsed, (typeof SUPABASE_VARIABLES)[number] | 'SUPABASE_OAUTH_PROVIDER'>
): SupabaseConfig | null {
	const supabaseOnly = SUPABASE_VARIABLES.filter((name) => name !== 'DATABASE_URL');
	if (!supabaseOnly.some((name) => env[name])) {
		if (env.SUPABASE_OAUTH_PROVIDER)
			throw new ConfigError('SUPABASE_OAUTH_PROVIDER is set but Supabase mode is not configured');
		return null;
	}
	const missing = SUPABASE_VARIABLES.filter((name) => !env[name]);
	if (missing.length)
		throw new ConfigError(
			`Supabase mode needs ${SUPABASE_VARIABLES.join(', ')}; missing: ${missing.join(', ')}`
		);
	return {
		url: new URL(env.PUBLIC_SUPABASE_URL!).origin,
		anonKey: env.PUBLIC_SUPABASE_ANON_KEY!,
		serviceRoleKey: env.SUPABASE_SERVICE_ROLE_KEY!,
		oauthProvider: env.SUPABASE_OAUTH_PROVIDER ?? null
	};
}

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
		seedDemo: demoSeeding(data),
		supabase: supabaseMode(data)
	};
}

export const config = readConfig();

/** A path under DATA_DIR (embedded database, uploads, development mail), absolute. */
export const dataPath = (...parts: string[]) => join(resolve(config.DATA_DIR), ...parts);

/** How long personal data is kept, in Helsinki calendar months (src/lib/server/retention.ts). */
export interface RetentionSettings {
	/** After a challenge closes, for applications of teams not selected (RETENTION_MONTHS). */
	months: number;
	/** For audit log entries (AUDIT_RETENTION_MONTHS). */
	auditMonths: number;
	/** Whether the app runs the job daily (RETENTION_SCHEDULE, default on). */
	scheduled: boolean;
}

/** The retention settings of `from` (the validated configuration by default). */
export function retentionSettings(
	from: Pick<Config, 'RETENTION_MONTHS' | 'AUDIT_RETENTION_MONTHS' | 'RETENTION_SCHEDULE'> = config
): RetentionSettings {
	return {
		months: from.RETENTION_MONTHS,
		auditMonths: from.AUDIT_RETENTION_MONTHS,
		scheduled: from.RETENTION_SCHEDULE === 'on'
	};
}
