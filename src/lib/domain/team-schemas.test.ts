import { describe, expect, it } from 'vitest';
import { translate } from '$lib/server/i18n';
import { LIMIT_INPUTS } from './limit-inputs';
import {
	TEAM_ORGANISATION_NAME_MAX,
	TEAM_ORGANISATIONS_MAX,
	teamProjectSchema,
	teamSchema,
	workEntrySchema
} from './team-schemas';

const today = () => new Date('2026-11-24T10:00:00Z');
const errors = (result: {
	success: boolean;
	error?: { issues: { path: PropertyKey[]; message: string }[] };
}) => Object.fromEntries((result.error?.issues ?? []).map((i) => [String(i.path[0]), i.message]));

const entry = {
	area: 'software_development',
	organisation: 'Reaktor',
	role: 'Developer',
	start: '2024-01',
	end: '2025-06',
	description: 'Built a matching service',
	evidenceUrl: ''
};

describe('work entry form', () => {
	const schema = workEntrySchema(today);

	it('accepts a finished entry and an ongoing one (end dropped)', () => {
		expect(schema.parse(entry)).toMatchObject({ start: '2024-01', end: '2025-06' });
		expect(schema.parse({ ...entry, end: '2025-06', ongoing: 'on' }).end).toBeNull();
	});

	it('refuses an end month before the start', () => {
		const result = schema.safeParse({ ...entry, start: '2025-07', end: '2025-06' });
		expect(errors(result)).toEqual({ end: 'error_end_before_start' });
	});

	it('refuses a period in the future, by the Helsinki calendar', () => {
		expect(errors(schema.safeParse({ ...entry, start: '2026-12', ongoing: 'on' }))).toEqual({
			start: 'error_month_future'
		});
		expect(errors(schema.safeParse({ ...entry, end: '2027-01' }))).toEqual({
			end: 'error_month_future'
		});
		// 23:30 UTC on 30 November is already December in Helsinki.
		const lateNovember = workEntrySchema(() => new Date('2026-11-30T23:30:00Z'));
		expect(lateNovember.safeParse({ ...entry, start: '2026-12', ongoing: 'on' }).success).toBe(
			true
		);
	});

	it('needs an end month or ongoing, and well-formed months', () => {
		expect(errors(schema.safeParse({ ...entry, end: '' }))).toEqual({
			end: 'error_end_or_ongoing'
		});
		expect(errors(schema.safeParse({ ...entry, start: '2024-13' }))).toMatchObject({
			start: 'error_month_invalid'
		});
		expect(errors(schema.safeParse({ ...entry, start: '' }))).toMatchObject({
			start: 'error_required'
		});
	});

	// An outside tester's report (a decision dated 1900): a month of 1900 is a typo too.
	it('refuses an absurd year at the month’s field', () => {
		expect(errors(schema.safeParse({ ...entry, start: '1900-01' }))).toEqual({
			start: 'error_month_year'
		});
		expect(errors(schema.safeParse({ ...entry, start: '1949-01', end: '1949-12' }))).toMatchObject({
			start: 'error_month_year',
			end: 'error_month_year'
		});
		expect(schema.safeParse({ ...entry, start: '1950-01' }).success).toBe(true);
	});

	it('names an "other" area in normal form and requires the name', () => {
		expect(schema.parse({ ...entry, area: 'other', otherArea: '  Machine   Learning ' }).area).toBe(
			'machine learning'
		);
		expect(errors(schema.safeParse({ ...entry, area: 'other', otherArea: '' }))).toEqual({
			otherArea: 'error_required'
		});
	});

	it('takes only http(s) evidence links and limits text', () => {
		expect(errors(schema.safeParse({ ...entry, evidenceUrl: 'javascript:alert(1)' }))).toEqual({
			evidenceUrl: 'error_url_invalid'
		});
		expect(schema.parse({ ...entry, evidenceUrl: 'https://example.fi/case' }).evidenceUrl).toBe(
			'https://example.fi/case'
		);
		expect(errors(schema.safeParse({ ...entry, role: 'x'.repeat(201) }))).toEqual({
			role: 'error_text_long'
		});
	});
});

describe('team project form', () => {
	const schema = teamProjectSchema(today);
	const a = '00000000-0000-4000-8000-00000000000a';
	const b = '00000000-0000-4000-8000-00000000000b';
	const project = { title: 'Snow app', start: '2025-01', end: '2025-05', memberIds: [a, b] };

	it('needs two different members', () => {
		expect(schema.safeParse(project).success).toBe(true);
		expect(errors(schema.safeParse({ ...project, memberIds: [a, a] }))).toEqual({
			memberIds: 'error_project_two_members'
		});
	});

	it('checks the period like a work entry', () => {
		expect(errors(schema.safeParse({ ...project, end: '2024-12' }))).toEqual({
			end: 'error_end_before_start'
		});
	});
});

describe('team form', () => {
	it('splits organisations on commas, trimmed and without repeats', () => {
		expect(
			teamSchema.parse({ name: 'Lumi', organisations: ' Reaktor, Aalto ,Reaktor,, ' })
		).toMatchObject({ organisations: ['Reaktor', 'Aalto'], description: '' });
	});

	it('refuses a one-letter name', () => {
		expect(errors(teamSchema.safeParse({ name: 'L' }))).toEqual({ name: 'error_team_name_short' });
	});

	// An outside tester's report: too many organisations said "text too long".
	it('names the limit of organisations, and of a name, not the length of the text', () => {
		const many = Array.from({ length: TEAM_ORGANISATIONS_MAX + 1 }, (_, i) => `O${i}`).join(',');
		expect(errors(teamSchema.safeParse({ name: 'Lumi', organisations: many }))).toEqual({
			organisations: 'error_team_organisations_many'
		});
		const enough = Array.from({ length: TEAM_ORGANISATIONS_MAX }, (_, i) => `O${i}`).join(',');
		expect(teamSchema.parse({ name: 'Lumi', organisations: enough }).organisations).toHaveLength(
			TEAM_ORGANISATIONS_MAX
		);
		const long = 'x'.repeat(TEAM_ORGANISATION_NAME_MAX + 1);
		expect(errors(teamSchema.safeParse({ name: 'Lumi', organisations: long }))).toEqual({
			organisations: 'error_team_organisation_long'
		});
	});

	it('says each limit with its number, in every language', () => {
		expect(translate('error_team_organisations_many', {}, 'en')).toBe(
			`Name at most ${TEAM_ORGANISATIONS_MAX} organisations.`
		);
		expect(translate('error_team_organisations_many', { count: 1 }, 'fi')).toBe(
			'Anna enintään 1 organisaatio.'
		);
		for (const [key, inputs] of Object.entries(LIMIT_INPUTS))
			for (const locale of ['fi', 'sv', 'en'] as const) {
				const words = translate(key, {}, locale);
				expect(words).not.toBe(key);
				expect(words).toContain(String(inputs.count));
			}
	});
});
