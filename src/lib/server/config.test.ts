import { describe, expect, it } from 'vitest';
import { ConfigError, demoSeeding, readConfig, retentionSettings } from './config';

describe('configuration from the environment', () => {
	it('has working defaults for a new user', () => {
		const config = readConfig({});
		expect(config).toMatchObject({ DATA_DIR: '.data', seedDemo: true, LOG_LEVEL: 'info' });
		expect(config.DATABASE_URL).toBeUndefined();
		expect(config.SMTP_URL).toBeUndefined();
		expect(config.DEMO_PASSWORD).toBeUndefined();
	});

	it('treats empty variables as unset and refuses invalid ones with their name', () => {
		expect(readConfig({ DATABASE_URL: '' }).DATABASE_URL).toBeUndefined();
		expect(() => readConfig({ DATABASE_URL: 'not a url' })).toThrow(/DATABASE_URL/);
		expect(() => readConfig({ SEED_DEMO: 'yes' })).toThrow(/SEED_DEMO/);
		expect(() => readConfig({ XFF_DEPTH: '0' })).toThrow(/XFF_DEPTH/);
		expect(() => readConfig({ ADDRESS_HEADER: 'X Forwarded' })).toThrow(/ADDRESS_HEADER/);
	});
});

describe('ORIGIN (issue 10, item 1)', () => {
	const db = 'postgres://app@db.example:5432/talkoot';

	it('is required in production on a real database, with the variable and an example named', () => {
		const start = () => readConfig({ NODE_ENV: 'production', DATABASE_URL: db });
		expect(start).toThrow(ConfigError);
		expect(start).toThrow(/ORIGIN is not set.*ORIGIN=https:\/\/talkoot\.example\.fi/);
	});

	it('defaults to http://localhost:$PORT in development, tests and the embedded quick start', () => {
		expect(readConfig({ NODE_ENV: 'development' }).ORIGIN).toBe('http://localhost:3000');
		expect(readConfig({ NODE_ENV: 'test', PORT: '4201' }).ORIGIN).toBe('http://localhost:4201');
		const quickStart = readConfig({ NODE_ENV: 'production', PORT: '8080' });
		expect(quickStart).toMatchObject({ ORIGIN: 'http://localhost:8080', originDefaulted: true });
		expect(readConfig({ DATABASE_URL: db }).ORIGIN).toBe('http://localhost:3000');
	});

	it('is always a bare origin string when given', () => {
		const config = readConfig({
			NODE_ENV: 'production',
			DATABASE_URL: db,
			ORIGIN: 'https://t.fi/x/'
		});
		expect(config).toMatchObject({ ORIGIN: 'https://t.fi', originDefaulted: false });
	});
});

describe('demo accounts (issue 10, item 2)', () => {
	it('exist on the embedded database or with SEED_DEMO=true, never by default with DATABASE_URL', () => {
		const db = 'postgres://app@db.example:5432/talkoot';
		expect(demoSeeding({})).toBe(true);
		expect(demoSeeding({ SEED_DEMO: 'false' })).toBe(false);
		expect(demoSeeding({ DATABASE_URL: db })).toBe(false);
		expect(demoSeeding({ DATABASE_URL: db, SEED_DEMO: 'true' })).toBe(true);
		expect(
			readConfig({ NODE_ENV: 'production', DATABASE_URL: db, ORIGIN: 'https://t.fi' }).seedDemo
		).toBe(false);
	});

	it('take their password from DEMO_PASSWORD, which has no default', () => {
		expect(readConfig({ DEMO_PASSWORD: 'Long-enough-2026' }).DEMO_PASSWORD).toBe(
			'Long-enough-2026'
		);
		expect(() => readConfig({ DEMO_PASSWORD: 'short' })).toThrow(/DEMO_PASSWORD/);
	});
});

describe('Supabase mode (issue 15)', () => {
	const all = {
		PUBLIC_SUPABASE_URL: 'https://abcd.supabase.co/',
		PUBLIC_SUPABASE_ANON_KEY: 'anon-key-0123456789abcdef',
		SUPABASE_SERVICE_ROLE_KEY: 'service-key-0123456789abcdef',
		DATABASE_URL: 'postgres://postgres@db.abcd.supabase.co:5432/postgres'
	};

	it('is off without any Supabase variable, also on a plain PostgreSQL', () => {
		expect(readConfig({}).supabase).toBeNull();
		expect(readConfig({ DATABASE_URL: all.DATABASE_URL }).supabase).toBeNull();
	});

	it('is on with all four, with the project origin and no provider unless named', () => {
		expect(readConfig(all).supabase).toEqual({
			url: 'https://abcd.supabase.co',
			anonKey: all.PUBLIC_SUPABASE_ANON_KEY,
			serviceRoleKey: all.SUPABASE_SERVICE_ROLE_KEY,
			oauthProvider: null
		});
		const azure = readConfig({ ...all, SUPABASE_OAUTH_PROVIDER: 'azure' });
		expect(azure.supabase?.oauthProvider).toBe('azure');
	});

	it.each(Object.keys(all))('refuses to start without %s, naming it', (name) => {
		const start = () => readConfig({ ...all, [name]: '' });
		expect(start).toThrow(ConfigError);
		expect(start).toThrow(new RegExp(`missing: ${name}$`));
	});

	it('names every missing variable of a partial set', () => {
		expect(() => readConfig({ PUBLIC_SUPABASE_URL: all.PUBLIC_SUPABASE_URL })).toThrow(
			/missing: PUBLIC_SUPABASE_ANON_KEY, SUPABASE_SERVICE_ROLE_KEY, DATABASE_URL/
		);
	});

	it('refuses an OAuth provider without Supabase mode, and a malformed one', () => {
		expect(() => readConfig({ SUPABASE_OAUTH_PROVIDER: 'azure' })).toThrow(
			/SUPABASE_OAUTH_PROVIDER/
		);
		expect(() => readConfig({ ...all, SUPABASE_OAUTH_PROVIDER: 'Azure AD' })).toThrow(
			/SUPABASE_OAUTH_PROVIDER/
		);
	});

	it('keeps the service role key out of every PUBLIC_ variable', () => {
		const config = readConfig(all);
		const published = Object.entries(config).filter(([k]) => k.startsWith('PUBLIC_'));
		expect(published.map(([, v]) => v)).not.toContain(all.SUPABASE_SERVICE_ROLE_KEY);
	});
});

describe('retention (issue 15)', () => {
	it('keeps 24 months by default and runs on the schedule', () => {
		expect(retentionSettings(readConfig({}))).toEqual({
			months: 24,
			auditMonths: 24,
			scheduled: true
		});
		expect(
			retentionSettings(
				readConfig({
					RETENTION_MONTHS: '36',
					AUDIT_RETENTION_MONTHS: '12',
					RETENTION_SCHEDULE: 'off'
				})
			)
		).toEqual({ months: 36, auditMonths: 12, scheduled: false });
	});

	it('refuses months that are not a positive whole number, naming the variable', () => {
		for (const bad of ['0', '-3', '1.5', 'two', '99999']) {
			expect(() => readConfig({ RETENTION_MONTHS: bad })).toThrow(ConfigError);
			expect(() => readConfig({ RETENTION_MONTHS: bad })).toThrow(/RETENTION_MONTHS/);
			expect(() => readConfig({ AUDIT_RETENTION_MONTHS: bad })).toThrow(/AUDIT_RETENTION_MONTHS/);
		}
		expect(() => readConfig({ RETENTION_SCHEDULE: 'daily' })).toThrow(/RETENTION_SCHEDULE/);
	});
});
