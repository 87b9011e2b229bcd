import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DATA_KEY_PREFIXES, stageLabel, t } from './i18n';

// Every message file of the project (one per capability), in English.
const settings = JSON.parse(readFileSync('project.inlang/settings.json', 'utf8'));
const en: Record<string, string> = Object.assign(
	{},
	...[settings['plugin.inlang.messageFormat'].pathPattern]
		.flat()
		.map((p: string) => JSON.parse(readFileSync(p.replace('{locale}', 'en'), 'utf8')))
);
const inData = (key: string) => DATA_KEY_PREFIXES.some((p) => key.startsWith(p));

function sources(dir: string): string[] {
	return readdirSync(dir).flatMap((name) => {
		const path = join(dir, name);
		if (name === 'paraglide') return [];
		if (statSync(path).isDirectory()) return sources(path);
		return /\.(ts|svelte)$/.test(name) && !name.endsWith('.test.ts') ? [path] : [];
	});
}

describe('t()', () => {
	it('knows every message of the families whose keys travel as data', () => {
		const keys = Object.keys(en).filter(inData);
		expect(keys.length).toBeGreaterThan(90);
		for (const key of keys) {
			const names = [...en[key].matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
			const inputs = Object.fromEntries(names.map((n) => [n, `<${n}>`]));
			const expected = en[key].replace(/\{(\w+)\}/g, (_, n) => `<${n}>`);
			expect(t(key, inputs, 'en'), key).toBe(expected);
		}
	});

	it('shows any other key as itself, own properties only', () => {
		expect(t('challenge_follow')).toBe('challenge_follow');
		expect(t('toString')).toBe('toString');
		expect(t('__proto__')).toBe('__proto__');
		expect(t('Too small: expected string')).toBe('Too small: expected string');
	});

	it('is called with literal keys of those families only', () => {
		const literal = /\bt\(\s*['"`]([a-z_]+)/g;
		const found = sources('src').flatMap((file) =>
			[...readFileSync(file, 'utf8').matchAll(literal)].map((m) => ({ file, key: m[1] }))
		);
		expect(found.length).toBeGreaterThan(3);
		for (const { file, key } of found) expect(inData(key), `${file}: t('${key}…')`).toBe(true);
	});

	it('names stages as the procedure does', () => {
		expect(stageLabel('open_challenge', 'applications', 'en')).toBe(en.stage_applications);
		expect(stageLabel('innovation_partnership', 'applications', 'en')).toBe(
			en.stage_ip_applications
		);
	});
});
