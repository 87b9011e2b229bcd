import { z } from 'zod';

const schema = z.object({
	DATA_DIR: z.string().min(1).default('.data'),
	DATABASE_URL: z.string().url().optional(),
	SMTP_URL: z.string().url().optional(),
	MAIL_FROM: z.string().min(3).default('Talkoot <no-reply@talkoot.localhost>'),
	SEED_DEMO: z.enum(['true', 'false']).default('true'),
	DEMO_PASSWORD: z.string().min(12).default('Talkoot-demo-2026!'),
	// The demo admin's TOTP key (base32, 32 letters); generated at seeding when unset.
	DEMO_TOTP_SECRET: z
		.string()
		.regex(/^[A-Z2-7]{32}$/)
		.optional(),
	LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
	ORIGIN: z.string().url().optional(),
	REDIS_URL: z.string().url().optional(),
	NODE_ENV: z.string().default('development')
});

export type Config = z.infer<typeof schema>;

/** Environment, validated once; an unset or empty variable takes its default. */
export function readConfig(env: Record<string, string | undefined> = process.env): Config {
	const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== ''));
	const parsed = schema.safeParse(present);
	if (!parsed.success) {
		const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
		throw new Error(`Invalid environment: ${problems.join('; ')}`);
	}
	return parsed.data;
}

export const config = readConfig();
