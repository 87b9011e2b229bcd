import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { DEFAULT_AGENDA } from './board';
import {
	agendaFields,
	moveAgendaRow,
	parseSchedule,
	readMove,
	splitEmails
} from './workshop-schemas';

const challengeId = '00000000-0000-4000-8000-000000000001';
const team = '00000000-0000-4000-8000-000000000002';
const base = {
	challengeId,
	title: 'Co-creation day',
	startsAt: '2026-12-01T09:00',
	mode: 'shared',
	...agendaFields(DEFAULT_AGENDA),
	p6_kind: 'ideate',
	p6_title_fi: '',
	p6_title_sv: '',
	p6_title_en: '',
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

	it('reads the start as Finns write it, in Helsinki time (issue 12)', () => {
		for (const startsAt of ['1.12.2026 9.00', '1.12.2026 klo 9.00', '01.12.2026 09:00']) {
			const parsed = parseSchedule({ ...base, startsAt });
			expect(parsed.ok && parsed.data.startsAt.toISOString()).toBe('2026-12-01T07:00:00.000Z');
		}
		const us = parseSchedule({ ...base, startsAt: '12/1/2026 9:00 AM' });
		expect(!us.ok && us.errors.startsAt).toBe('error_datetime_format');
	});

	it('puts each error next to its field', () => {
		const parsed = parseSchedule({
			...base,
			title: 'x',
			startsAt: '2026-13-01T09:00',
			mode: 'secret',
			p1_minutes: '0',
			p2_title_fi: '',
			p2_title_sv: '',
			p2_title_en: '',
			experts: 'not-an-address'
		});
		expect(parsed).toEqual({
			ok: false,
			errors: {
				title: 'error_workshop_title',
				startsAt: 'error_date_no_such_day',
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

describe('phase titles in several languages', () => {
	it('keeps the languages given and leaves out the empty ones', () => {
		const parsed = parseSchedule({
			...base,
			p0_title_fi: ' Aamukahvi ',
			p0_title_sv: '',
			p0_title_en: ''
		});
		expect(parsed.ok && parsed.data.agenda[0].title).toEqual({ fi: 'Aamukahvi' });
	});

	it('names the language whose title is too long', () => {
		const parsed = parseSchedule({ ...base, p0_title_sv: 'x'.repeat(81) });
		expect(!parsed.ok && parsed.errors).toEqual({ p0_title_sv: 'error_text_long' });
	});

	it('fills a title planned without languages in as the given locale', () => {
		const fields = agendaFields([{ kind: 'ideate', title: 'Ideat', minutes: 5 }], 'sv');
		expect(fields).toMatchObject({ p0_title_sv: 'Ideat', p0_title_fi: '', p0_title_en: '' });
	});
});

describe('moveAgendaRow', () => {
	const agendaOf = (raw: Record<string, string>) => {
		const parsed = parseSchedule(raw);
		return parsed.ok ? parsed.data.agenda.map((p) => p.kind) : parsed.errors;
	};

	it('moves a row up and down, leaving blank rows out', () => {
		expect(agendaOf(moveAgendaRow(base, 1, 'up'))).toEqual([
			'ideate',
			'warmup',
			'cluster',
			'vote',
			'discuss',
			'wrapup'
		]);
		const moved = moveAgendaRow(base, 5, 'up');
		expect(agendaOf(moved)).toEqual(['warmup', 'ideate', 'cluster', 'vote', 'wrapup', 'discuss']);
		expect(moved.p6_kind).toBeUndefined();
		expect(moved.title).toBe(base.title);
	});

	it('leaves the order as it is at either end', () => {
		expect(agendaOf(moveAgendaRow(base, 0, 'up'))).toEqual(DEFAULT_AGENDA.map((p) => p.kind));
		expect(agendaOf(moveAgendaRow(base, 5, 'down'))).toEqual(DEFAULT_AGENDA.map((p) => p.kind));
	});

	it('is undone by the opposite move (property)', () => {
		fc.assert(
			fc.property(fc.integer({ min: 0, max: 4 }), (i) => {
				const there = moveAgendaRow(base, i, 'down');
				expect(agendaOf(moveAgendaRow(there, i + 1, 'up'))).toEqual(agendaOf(base));
			})
		);
	});

	it('reads only well-formed move values', () => {
		expect(readMove('3:up')).toEqual({ index: 3, direction: 'up' });
		expect(readMove('12:down')).toEqual({ index: 12, direction: 'down' });
		for (const bad of [undefined, '', 'up', '3:left', '-1:up', '123:up'])
			expect(readMove(bad)).toBeNull();
	});
});
