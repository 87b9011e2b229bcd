import { readFileSync } from 'node:fs';

import { describe, expect, it } from 'vitest';
import { sourceFiles } from '$lib/source-files.testing';
import { choiceStatus, DATA_KEY_PREFIXES, foundStatus, shownRange, stageLabel, t } from './i18n';
import { areaMessage, shownIn } from './i18n-names';
import { m } from './paraglide/messages';
import { loadMessages } from './messages.testing';
import { translate } from './server/i18n';

// Every message file of the project (one per capability), in one locale (messages.test.ts
// proves that the three locales have the same keys).
const load = (locale: string) => loadMessages<string>(locale);
const en = load('en');
const inData = (key: string) => DATA_KEY_PREFIXES.some((p) => key.startsWith(p));

const sources = (dir: string) => sourceFiles(dir, /\.(ts|svelte)$/);

describe('t()', () => {
	it('knows every message of the families whose keys travel as data', () => {
		const keys = Object.keys(en).filter(inData);
		expect(keys.length).toBeGreaterThan(40);
		for (const key of keys) {
			const names = [...en[key].matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
			const inputs = Object.fromEntries(names.map((n) => [n, `<${n}>`]));
			const expected = en[key].replace(/\{(\w+)\}/g, (_, n) => `<${n}>`);
			expect(t(key, inputs, 'en'), key).toBe(expected);
		}
	});

	it('shows any other key as itself, own properties only', () => {
		expect(t('challenge_follow')).toBe('challenge_follow');
		expect(t('error_required')).toBe('error_required');
		expect(t('toString')).toBe('toString');
		expect(t('__proto__')).toBe('__proto__');
		expect(t('Too small: expected string')).toBe('Too small: expected string');
	});

	it('is called with literal keys of those families only', () => {
		const literal = /\bt\(\s*['"`]([a-z_]+)/g;
		const found = sources('src').flatMap((file) =>
			[...readFileSync(file, 'utf8').matchAll(literal)].map((m) => ({ file, key: m[1] }))
		);
		expect(found.length).toBeGreaterThan(0);
		for (const { file, key } of found) expect(inData(key), `${file}: t('${key}…')`).toBe(true);
	});

	it('names the jury with one word in Finnish, as its pages do (arviointiraati, arvioija)', () => {
		// An outside tester read "tuomaristo" in a refusal on a page that says "arviointiraati".
		const fi = load('fi');
		const other = Object.entries(fi).filter(([, text]) => /tuomari/i.test(String(text)));
		expect(other.map(([key]) => key)).toEqual([]);
		expect(Object.values(fi).some((text) => /arviointiraa/i.test(String(text)))).toBe(true);
	});

	it('never puts a dash into a sentence for a missing name or number', () => {
		// "place 5, total –" or "signed by –" reads as nothing to a screen reader and to a
		// person: a sentence of its own says what is missing (decision_form_item_unscored,
		// record_name_removed). A dash stays where a table cell or a list value is empty.
		const dashed = /\bm\.\w+\(\{[^{}]*?['"][–—-]['"]/gs;
		const found = sources('src').flatMap((file) =>
			[...readFileSync(file, 'utf8').matchAll(dashed)].map((m) => `${file}: ${m[0]}`)
		);
		expect(found).toEqual([]);
	});

	it('gives the names a visitor page needs from their own module, as t() does', () => {
		expect(areaMessage('area_service_design', 'en')).toBe(en.area_service_design);
		expect(areaMessage('area_service_design', 'en')).toBe(t('area_service_design', {}, 'en'));
		// Only areas: a field label or another family's key shows as itself.
		expect(areaMessage('field_label_title', 'en')).toBe('field_label_title');
		expect(areaMessage('stage_applications', 'en')).toBe('stage_applications');
		expect(shownIn('sv')).toBe(m.challenge_shown_in_sv());
		expect(shownIn('sv')).not.toBe(shownIn('fi'));
	});

	it('names stages as the procedure does', () => {
		expect(stageLabel('open_challenge', 'applications', 'en')).toBe(en.stage_applications);
		expect(stageLabel('innovation_partnership', 'applications', 'en')).toBe(
			en.stage_ip_applications
		);
	});
});

describe("a list's status and range", () => {
	it('says how many a narrowing filter finds, that none matches, and nothing otherwise', () => {
		expect(foundStatus(false, 12)).toBeNull();
		expect(foundStatus(true, 0)).toBe(m.list_no_match());
		expect(foundStatus(true, 1)).toBe(m.list_found({ count: 1 }));
		expect(foundStatus(true, 1)).not.toBe(foundStatus(true, 2));
	});

	it('says that a long choice offers only its first options, in the reader’s numbers', () => {
		const text = choiceStatus(false, 200, 1234, 'fi');
		expect(text).toContain('200');
		expect(text).toContain('1\u00a0234');
		expect(choiceStatus(true, 200, 201, 'en')).toBe(choiceStatus(false, 200, 201, 'en'));
		// Every option offered: as a list's status, nothing without words.
		expect(choiceStatus(false, 12, 12, 'en')).toBeNull();
		expect(choiceStatus(true, 0, 0, 'en')).toBe(m.list_no_match());
		expect(choiceStatus(true, 3, 3, 'en')).toBe(m.list_found({ count: 3 }));
	});

	it('shows the rows of a page of the whole list in the reader’s numbers', () => {
		const text = shownRange({ page: 2, pages: 25, total: 1234 }, 50, 'en');
		expect(text).toContain('51');
		expect(text).toContain('100');
		expect(text).toContain('1,234');
	});
});

describe('translate() (server)', () => {
	it('fills placeholders in the asked locale', () => {
		const sv = load('sv');
		expect(translate('org_member_saved', { email: 'a@b.fi' }, 'en')).toBe(
			en.org_member_saved.replace('{email}', 'a@b.fi')
		);
		expect(translate('error_required', {}, 'sv')).toBe(sv.error_required);
		expect(translate('team_lead_cannot_leave', {}, 'en')).toBe(en.team_lead_cannot_leave);
	});

	it('shows an unknown key as itself, own properties only', () => {
		expect(translate('Too small: expected string')).toBe('Too small: expected string');
		expect(translate('toString')).toBe('toString');
		expect(translate('__proto__')).toBe('__proto__');
	});

	// Form errors and publish issues are keys in the code (schemas, refusals) until
	// translate() puts them in words; a key missing from the messages would show as itself.
	it('has a message for every error and publish key the code names', () => {
		const literal = /['"`]((?:error|publish)_[a-z0-9_]*[a-z0-9])['"`]/g;
		const found = sources('src').flatMap((file) =>
			[...readFileSync(file, 'utf8').matchAll(literal)].map((m) => ({ file, key: m[1] }))
		);
		expect(found.length).toBeGreaterThan(100);
		for (const { file, key } of found) expect(en, `${file}: ${key}`).toHaveProperty(key);
	});
});
