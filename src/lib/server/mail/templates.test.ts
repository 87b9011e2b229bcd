import { describe, expect, it } from 'vitest';
import { renderMail } from './templates';
import { stageLabel } from '$lib/i18n-names';

// Issue 11, item 11: a time that leaves the page is Helsinki time with its offset, to the
// second where the second decides; a workshop's mail says how it runs.
const to = (locale: 'fi' | 'sv' | 'en') => ({ email: 'a@example.org', name: 'A', locale });

describe('receipt', () => {
	const params = {
		title: { fi: 'Haaste', en: 'Challenge' },
		primaryLocale: 'fi',
		team: 'Kohtaamo',
		submittedAt: '2027-01-10T17:09:41.250Z',
		digest: 'ab'.repeat(32),
		path: '/applications/x'
	};

	it('gives the submission time to the second, in Helsinki time, with the ISO offset', () => {
		const en = renderMail('receipt', params, to('en')).text;
		expect(en).toContain('19:09:41');
		expect(en).toContain('2027-01-10T19:09:41+02:00');
		expect(en).not.toContain('17:09');
		const fi = renderMail('receipt', params, to('fi')).text;
		expect(fi).toContain('19.09.41');
		expect(fi).toContain('2027-01-10T19:09:41+02:00');
	});

	it('says summer time with +03:00', () => {
		const text = renderMail(
			'receipt',
			{ ...params, submittedAt: '2027-07-10T16:09:41Z' },
			to('sv')
		).text;
		expect(text).toContain('19.09.41');
		expect(text).toContain('2027-07-10T19:09:41+03:00');
	});
});

describe('workshop invitation', () => {
	const params = {
		title: { fi: 'Haaste' },
		primaryLocale: 'fi',
		workshopId: '00000000-0000-4000-8000-000000000001',
		workshop: 'Työpaja',
		startsAt: '2027-03-02T07:00:00Z',
		minutes: 90,
		facilitator: { name: 'F', email: 'f@example.org' },
		path: '/workshops/x'
	};

	it('words a negotiation workshop by its mode, never as one shared board', () => {
		for (const locale of ['fi', 'sv', 'en'] as const) {
			const negotiation = renderMail(
				'workshop_invitation',
				{ ...params, mode: 'team_boards' },
				to(locale)
			).text;
			const shared = renderMail(
				'workshop_invitation',
				{ ...params, mode: 'shared' },
				to(locale)
			).text;
			expect(negotiation).not.toBe(shared);
		}
		const en = renderMail('workshop_invitation', { ...params, mode: 'team_boards' }, to('en')).text;
		expect(en).not.toMatch(/shared board/);
		expect(en).toContain('its own board');
		const unknown = renderMail('workshop_invitation', params, to('en')).text;
		expect(unknown).not.toMatch(/shared board/);
		expect(renderMail('workshop_invitation', { ...params, mode: 'shared' }, to('en')).text).toMatch(
			/one board shared by everyone/
		);
	});

	it('gives the start in Helsinki time with its offset', () => {
		const en = renderMail('workshop_invitation', params, to('en')).text;
		expect(en).toContain('09:00');
		expect(en).toContain('2027-03-02T09:00:00+02:00');
	});
});

describe('jury invitation', () => {
	const params = {
		title: { fi: 'Työllisyyskoulutus', en: 'Employment training' },
		primaryLocale: 'fi',
		procedure: 'innovation_partnership',
		stage: 'shortlisting',
		inviter: 'Olga Owner',
		path: '/jury/invitations/abc'
	};

	it('names the challenge and the stage in the recipient’s language, with the link', () => {
		const en = renderMail('jury_invitation', params, to('en'));
		expect(en.subject).toContain('Employment training');
		expect(en.text).toContain('/jury/invitations/abc');
		const fi = renderMail('jury_invitation', params, to('fi'));
		expect(fi.subject).toContain('Työllisyyskoulutus');
		expect(fi.text).toContain('esteellisyyttä');
		expect(renderMail('jury_invitation', params, to('sv')).text).toContain('jävig');
	});

	it('names the stage by its one name in the challenge’s procedure (issue 16)', () => {
		for (const locale of ['fi', 'sv', 'en'] as const)
			for (const procedure of ['open_challenge', 'innovation_partnership'] as const) {
				const name = stageLabel(procedure, 'shortlisting', locale);
				const mail = renderMail('jury_invitation', { ...params, procedure }, to(locale));
				expect(mail.text, `${locale} ${procedure}`).toContain(name);
			}
		expect(renderMail('jury_invitation', params, to('sv')).text).toContain(
			'(skede: Urval till förhandlingar)'
		);
		// A mail queued before the procedure travelled with it still goes, the stage named by
		// both procedures' names (no guess at one); a procedure that is none is refused.
		const { procedure: _procedure, ...bare } = params;
		expect(renderMail('jury_invitation', bare, to('en')).text).toContain(
			'(stage: Shortlisting / Selection for negotiations)'
		);
		expect(() =>
			renderMail('jury_invitation', { ...params, procedure: 'tender' }, to('en'))
		).toThrow(/procedure/);
	});

	it('promises conflicts before the items of the stage, named by the procedure', () => {
		const mail = (procedure: string, stage: string) =>
			renderMail('jury_invitation', { ...params, procedure, stage }, to('fi')).text;
		// Before: every invitation spoke of applications, a selection's too.
		expect(mail('open_challenge', 'shortlisting')).toContain('Ennen kuin näet yhtään hakemusta');
		expect(mail('open_challenge', 'selection')).toContain('Ennen kuin näet yhtään konseptia');
		expect(mail('open_challenge', 'selection')).not.toMatch(/tarjou|hakemus/i);
		expect(mail('innovation_partnership', 'selection')).toContain(
			'Ennen kuin näet yhtään lopullista tarjousta'
		);
		// Queued without its procedure: a selection's items are not guessed.
		const { procedure: _procedure, ...bare } = params;
		const old = renderMail('jury_invitation', { ...bare, stage: 'selection' }, to('fi')).text;
		expect(old).not.toMatch(/Ennen kuin näet/);
		expect(old).toContain('Linkki on voimassa 14 päivää.');
	});
});

describe('decision published', () => {
	const params = {
		title: { fi: 'Työllisyyskoulutus', en: 'Employment training' },
		primaryLocale: 'fi',
		procedure: 'open_challenge',
		stage: 'shortlisting',
		team: 'Duuni Valmennus',
		chosen: true,
		path: '/applications/abc'
	};

	it('tells the team whether it was chosen, in the recipient’s language, with its page', () => {
		const en = renderMail('decision_published', params, to('en'));
		expect(en.subject).toBe('Decision published: Employment training');
		expect(en.text).toContain('Duuni Valmennus was chosen');
		expect(en.text).toContain('/applications/abc');
		const sv = renderMail('decision_published', { ...params, chosen: false }, to('sv'));
		expect(sv.text).toContain('valdes inte');
		const fi = renderMail('decision_published', { ...params, correction: true }, to('fi'));
		expect(fi.subject).toMatch(/^Oikaistu päätös/);
		expect(fi.text).toContain('(vaihe: Esivalinta)');
		const proof = { ...params, procedure: 'innovation_partnership', stage: 'proof_of_concept' };
		expect(renderMail('decision_published', proof, to('en')).text).toContain(
			'(stage: Development phase)'
		);
	});
});

describe('production reports (issue 14)', () => {
	const titled = {
		title: { fi: 'Työllisyyskoulutus', en: 'Employment training' },
		primaryLocale: 'fi',
		month: '2022-03'
	};

	it('asks the challenge team to review a month, and tells the partner the verdict', () => {
		const asked = renderMail(
			'outcome_report_submitted',
			{ ...titled, path: '/manage/challenges/abc/production' },
			to('en')
		);
		expect(asked.subject).toBe('Monthly report to review: Employment training');
		expect(asked.text).toContain('/manage/challenges/abc/production');
		const disputed = renderMail(
			'outcome_report_reviewed',
			{ ...titled, verdict: 'disputed', comment: 'Two too many.', path: '/production/abc' },
			to('sv')
		);
		expect(disputed.text).toContain('bestred');
		expect(disputed.text).toContain('Two too many.');
		const confirmed = renderMail(
			'outcome_report_reviewed',
			{ ...titled, verdict: 'confirmed', comment: '', path: '/production/abc' },
			to('fi')
		);
		expect(confirmed.text).toContain('vahvisti');
	});
});
