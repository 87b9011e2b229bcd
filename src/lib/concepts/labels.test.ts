import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sourceFiles } from '$lib/source-files.testing';
import { LOCALES, type Locale } from '$lib/domain/locale';
import { loadMessages } from '$lib/messages.testing';
import { submissionWords, type SubmissionWords } from './labels';

// The same report as the jury pages' (src/lib/jury/labels.test.ts): an open challenge's
// concept pages called the teams' submitted concepts "lopulliset tarjoukset". Final
// tenders belong to an innovation partnership; an open challenge asks for concepts.
const TENDER: Record<Locale, RegExp> = { fi: /tarjou/i, sv: /anbud/i, en: /tender/i };
const CONCEPT: Record<Locale, RegExp> = { fi: /konsept/i, sv: /koncept/i, en: /concept/i };

/** Every inputs any of the words take. */
const INPUTS = {
	count: 2,
	team: 'Tiimi A',
	version: 3,
	time: '1.2.2027 klo 12.00',
	concept: 'Kaupunkipyörät',
	challenge: 'Liikkuva kaupunki',
	iso: '2027-02-01T12:00:00+02:00'
};

/** Each of `words` in `locale`, by its name. */
const said = (words: SubmissionWords, locale: Locale): [string, string][] =>
	Object.entries(words).map(([name, say]) => [
		name,
		(say as (i: typeof INPUTS, o: { locale: Locale }) => string)(INPUTS, { locale })
	]);

describe('submissionWords', () => {
	it.each(LOCALES)(
		'words an open challenge’s submission as a concept, never a tender (%s)',
		(l) => {
			for (const [name, text] of said(submissionWords('open_challenge'), l)) {
				expect(text, name).not.toMatch(TENDER[l]);
				expect(text, name).toMatch(CONCEPT[l]);
			}
		}
	);

	it.each(LOCALES)('words a partnership’s submission as its final tender (%s)', (l) => {
		for (const [name, text] of said(submissionWords('innovation_partnership'), l))
			expect(text, name).toMatch(TENDER[l]);
	});

	it('reproduces the report: the Finnish open challenge has no "lopullinen tarjous"', () => {
		const words = submissionWords('open_challenge');
		expect(words.status({}, { locale: 'fi' })).toBe('Jätetty konsepti');
		expect(words.digestHow({}, { locale: 'fi' })).not.toMatch(/tarjou/);
		expect(words.deadline({}, { locale: 'fi' })).toBe('Konseptien määräaika');
	});
});

/** The Svelte and TypeScript files under `dir`, recursively. */
const sources = (dir: string) => sourceFiles(dir, /\.(svelte|ts)$/);

describe('the concept pages’ tender words', () => {
	// A message that speaks of a tender may be used only by the partnership's side of
	// submissionWords: a page that called it directly would say it to an open challenge too.
	const en = loadMessages('en');
	const tenderKeys = Object.entries(en)
		.filter(([key]) => /^(concept_|mail_final_tender_|poc_|mywork_)/.test(key))
		.filter(([, text]) => TENDER.en.test(typeof text === 'string' ? text : JSON.stringify(text)))
		.map(([key]) => key);

	it('finds the tender words it guards', () => {
		expect(tenderKeys).toContain('concept_tender_status');
		expect(tenderKeys).toContain('concept_digest_how');
		expect(tenderKeys).toContain('mail_final_tender_subject');
	});

	it('leaves none to the refusals, which speak to either procedure', () => {
		// A refusal's words come from the database's reason code, which carries no procedure
		// (concept-refusals.ts): they name the concept, never a tender, in every language.
		for (const locale of LOCALES)
			for (const [key, text] of Object.entries(loadMessages(locale)))
				if (key.startsWith('concept_refusal_'))
					expect(String(text), `${locale} ${key}`).not.toMatch(TENDER[locale]);
	});

	it('uses none of them outside submissionWords', () => {
		const uses = sources('src').flatMap((file) => {
			if (file.endsWith(join('concepts', 'labels.ts'))) return [];
			const text = readFileSync(file, 'utf8');
			return tenderKeys
				.filter(
					(key) =>
						text.includes(`m.${key}(`) || text.includes(`m.${key},`) || text.includes(`m.${key}]`)
				)
				.map((key) => `${file}: ${key}`);
		});
		expect(uses).toEqual([]);
	});
});
