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

	const mail = (locale: 'fi' | 'sv' | 'en', procedure?: string) =>
		renderMail('final_tender_receipt', { ...params, procedure }, to(locale));

	it('names an open challenge’s submission a concept, a partnership’s a final tender', () => {
		// Before: an open challenge's team was sent a receipt for its "lopullinen tarjous".
		const open = mail('fi', 'open_challenge');
		expect(open.subject).toBe('Kuittaus jätetystä konseptista: Nuorten ohjaus verkossa');
		expect(open.text).not.toMatch(/tarjou/i);
		expect(mail('sv', 'open_challenge').text).not.toMatch(/anbud/i);
		// (The receipt's address keeps its route's /tenders/: only the words change.)
		expect(mail('en', 'open_challenge').text).not.toMatch(/final tender/i);
		expect(mail('fi', 'innovation_partnership').subject).toBe(
			'Kuittaus lopullisesta tarjouksesta: Nuorten ohjaus verkossa'
		);
		expect(mail('en', 'innovation_partnership').text).toContain('The final tender');
	});

	it('keeps the words it always had for a mail queued without its procedure', () => {
		expect(mail('fi').subject).toBe('Kuittaus lopullisesta tarjouksesta: Nuorten ohjaus verkossa');
		expect(mail('fi').text).toContain('SHA-256: ' + 'cd'.repeat(32));
	});
});
