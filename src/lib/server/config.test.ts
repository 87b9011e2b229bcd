import { describe, expect, it } from 'vitest';
import { readConfig } from './config';

describe('configuration from the environment', () => {
	it('has working defaults for a new user', () => {
		const config = readConfig({});
		expect(config).toMatchObject({ DATA_DIR: '.data', SEED_DEMO: 'true', LOG_LEVEL: 'info' });
		expect(config.DATABASE_URL).toBeUndefined();
		expect(config.SMTP_URL).toBeUndefined();
	});

	it('treats empty variables as unset and refuses invalid ones with their name', () => {
		expect(readConfig({ DATABASE_URL: '' }).DATABASE_URL).toBeUndefined();
		expect(() => readConfig({ DATABASE_URL: 'not a url' })).toThrow(/DATABASE_URL/);
		expect(() => readConfig({ SEED_DEMO: 'yes' })).toThrow(/SEED_DEMO/);
	});
});
