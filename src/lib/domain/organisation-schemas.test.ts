import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isValidBusinessId, newOrganisationSchema, slugify } from './organisation-schemas';

describe('Finnish business ID', () => {
	it('accepts real ones and refuses a wrong check digit or form', () => {
		expect(isValidBusinessId('0201256-6')).toBe(true); // City of Helsinki
		expect(isValidBusinessId('0201256-5')).toBe(false);
		expect(isValidBusinessId('201256-6')).toBe(false);
		expect(isValidBusinessId('02012566')).toBe(false);
	});

	it('has exactly one valid check digit for every body whose remainder is not 1', () => {
		fc.assert(
			fc.property(fc.stringMatching(/^\d{7}$/), (body) => {
				const valid = [...'0123456789'].filter((d) => isValidBusinessId(`${body}-${d}`));
				expect(valid.length).toBeLessThanOrEqual(1);
			})
		);
	});
});

describe('slugify', () => {
	it('turns a name into an address name', () => {
		expect(slugify('Metsähallitus')).toBe('metsahallitus');
		expect(slugify('  City of Helsinki — Stara! ')).toBe('city-of-helsinki-stara');
		expect(slugify('Åland Government')).toBe('aland-government');
	});

	it('always gives a valid slug or an empty string', () => {
		fc.assert(
			fc.property(fc.string(), (name) => {
				const slug = slugify(name);
				expect(slug === '' || /^[a-z0-9]+(-[a-z0-9]+)*$/.test(slug)).toBe(true);
				expect(slug.length).toBeLessThanOrEqual(60);
			})
		);
	});
});

describe('new organisation form', () => {
	it('derives the slug from the name when none is given', () => {
		const org = newOrganisationSchema.parse({ name: 'Helsingin kaupunki', kind: 'public_body' });
		expect(org).toMatchObject({ slug: 'helsingin-kaupunki', businessId: '', website: '' });
	});

	it('refuses a bad business ID, website and slug', () => {
		const result = newOrganisationSchema.safeParse({
			name: 'X Oy',
			kind: 'company',
			businessId: '1234567-8',
			website: 'ftp://x'
		});
		expect(result.success).toBe(false);
		const keys = result.error!.issues.map((i) => i.message).sort();
		expect(keys).toEqual(['error_business_id_invalid', 'error_url_invalid']);
		const slug = newOrganisationSchema.safeParse({
			name: 'Valid',
			kind: 'other',
			slug: 'Bad Slug!'
		});
		expect(slug.error?.issues.map((i) => [i.path[0], i.message])).toEqual([
			['slug', 'error_slug_invalid']
		]);
	});
});
