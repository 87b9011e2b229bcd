import { describe, expect, it } from 'vitest';
import { renderMail } from './templates';

// Issue 14: the receipt of a final tender, as public.submit_final_tender enqueues it (in
// the team's language): the concept, its version, the time to the second in Helsinki
// time, the price in euros and the digest.
const to = (locale: 'fi' | 'sv' | 'en') => ({ email: 'a@example.org', name: 'A', locale });
const params = {
	title: { fi: 'Nuorten ohjaus verkossa', en: 'Youth Guidance Online' },
	primaryLocale: 'fi',
	team: 'Kohtaamo',
	concept: 'Guidance chat',
	version: 3,
	submittedAt: '2027-01-10T17:09:41.250Z',
	digest: 'cd'.repeat(32),
	priceCents: 11_800_050,
	path: '/concepts/x'
};

describe('final tender receipt', () => {
	it('names the concept, version, time, price and digest in the team’s language', () => {
		const sv = renderMail('final_tender_receipt', params, to('sv'));
		expect(sv.subject).toBe('Kvitto på slutligt anbud: Nuorten ohjaus verkossa');
		expect(sv.text).toContain('"Guidance chat" (version 3)');
		expect(sv.text).toContain('2027-01-10T19:09:41+02:00');
		expect(sv.text).toMatch(/118\s000,50\s€/);
		expect(sv.text).toContain(`SHA-256: ${'cd'.repeat(32)}`);
	});

	it('leaves the price out where none was asked', () => {
		const en = renderMail('final_tender_receipt', { ...params, priceCents: null }, to('en'));
		expect(en.subject).toBe('Receipt for your final tender: Youth Guidance Online');
		expect(en.text).not.toContain('Price');
	});
});
