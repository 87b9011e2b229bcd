import { describe, expect, it } from 'vitest';
import { DEFAULT_AGENDA } from './board';
import { agendaFields, parseSchedule, splitEmails } from './workshop-schemas';

const challengeId = '00000000-0000-4000-8000-000000000001';
const team = '00000000-0000-4000-8000-000000000002';
const base = {
	challengeId,
	title: 'Co-creation day',
	startsAt: '2026-12-01T09:00',
	mode: 'shared',
	...agendaFields(DEFAULT_AGENDA),
	p6_kind: 'ideate',
	p6_title: '',
	p6_minutes: ''
};

describe('parseSchedule', () => {
	it('reads the plan: Helsinki time, agenda without blank rows, teams, staff, experts', () => {
		const parsed = parseSchedule({
			...base,
			[`team_${team}`]: 'on',
			[`staff_${team}`]: 'on',
			experts: 'A@Example.org, b@example.org;a@example.org'
		});
		expect(parsed.ok).toBe(true);
		if (!parsed.ok) return;
		expect(parsed.data.startsAt.toISOString()).toBe('2026-12-01T07:00:00.000Z');
		expect(parsed.data.agenda).toEqual(DEFAULT_AGENDA);
		expect(parsed.data.teamIds).toEqual([team]);
		expect(parsed.data.staffIds).toEqual([team]);
		expect(parsed.data.expertEmails).toEqual(['a@example.org', 'b@example.org']);
	});

	it('puts each error next to its field', () => {
		const parsed = parseSchedule({
			...base,
			title: 'x',
			startsAt: '2026-13-01T09:00',
			mode: 'secret',
			p1_minutes: '0',
			p2_title: '',
			experts: 'not-an-address'
		});
		expect(parsed).toEqual({
			ok: false,
			errors: {
				title: 'error_workshop_title',
				startsAt: 'error_workshop_starts_at',
				mode: 'error_workshop_mode',
				p1_minutes: 'error_workshop_phase_minutes',
				p2_title: 'error_workshop_phase_title',
				experts: 'error_workshop_expert_email'
			}
		});
	});

	it('needs a phase, and a team in negotiation mode', () => {
		const parsed = parseSchedule({
			challengeId,
			title: 'Day',
			startsAt: '2026-12-01T09:00',
			mode: 'team_boards'
		});
		expect(parsed).toEqual({
			ok: false,
			errors: { agenda: 'error_workshop_agenda_empty', teams: 'error_workshop_teams_needed' }
		});
	});

	it('splits addresses on commas, semicolons and spaces', () => {
		expect(splitEmails(' a@x.fi ;b@x.fi  c@x.fi,,')).toEqual(['a@x.fi', 'b@x.fi', 'c@x.fi']);
	});
});
