import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isValidBusinessId, newOrganisationSchema } from './organisation-schemas';

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

describe('new organisation form', () => {
	it('derives the slug from the name when none is given', () => {
		const org = newOrganisationSchema.parse({ name_fi: 'Helsingin kaupunki', kind: 'public_body' });
		expect(org).toMatchObject({ slug: 'helsingin-kaupunki', businessId: '', website: '' });
		const orsted = newOrganisationSchema.parse({ name_fi: 'Ørsted Suomi Oy', kind: 'company' });
		expect(orsted.slug).toBe('orsted-suomi-oy');
	});

	it('refuses a bad business ID, website and slug', () => {
		const result = newOrganisationSchema.safeParse({
			name_fi: 'X Oy',
			kind: 'company',
			businessId: '1234567-8',
			website: 'ftp://x'
		});
		expect(result.success).toBe(false);
		const keys = result.error!.issues.map((i) => i.message).sort();
		expect(keys).toEqual(['error_business_id_invalid', 'error_url_invalid']);
		const slug = newOrganisationSchema.safeParse({
			name_fi: 'Valid',
			kind: 'other',
			slug: 'Bad Slug!'
		});
		expect(slug.error?.issues.map((i) => [i.path[0], i.message])).toEqual([
			['slug', 'error_slug_invalid']
		]);
	});
});

describe('names in three languages (issue 12)', () => {
	it('keeps each given name; the first given of fi, sv, en is primary', () => {
		const org = newOrganisationSchema.parse({
			name_fi: '',
			name_sv: 'Helsingfors stad',
			name_en: 'City of Helsinki',
			kind: 'public_body'
		});
		expect(org).toMatchObject({
			names: { sv: 'Helsingfors stad', en: 'City of Helsinki' },
			primaryLocale: 'sv',
			name: 'Helsingfors stad',
			slug: 'helsingfors-stad'
		});
	});

	it('refuses a form without any name, on the first name field', () => {
		const result = newOrganisationSchema.safeParse({ kind: 'other', name_fi: ' ' });
		expect(result.error?.issues.map((i) => [i.path[0], i.message])).toEqual([
			['name_fi', 'orgadmin_error_name_required']
		]);
	});
});
