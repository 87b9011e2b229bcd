import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { choiceField, requiredOr } from './field-errors';
import { addMemberSchema, memberRoleSchema, newOrganisationSchema } from './organisation-schemas';
import { feedbackStatusSchema } from './feedback';

const messageOf = (schema: z.ZodType, input: unknown) =>
	schema.safeParse(input).error?.issues[0]?.message;

describe('a field whose value is one of a set', () => {
	const role = choiceField(['owner', 'member'], 'error_role_unknown');

	it('is required only when missing or blank', () => {
		for (const input of [undefined, null, '', '  ', '\u00a0'])
			expect(messageOf(role, input)).toBe('error_required');
	});

	// An outside tester's report: role=boss said "required".
	it('says a value that is none of the choices is not one, never "required"', () => {
		for (const input of ['boss', 'OWNER', 'owner ', '0', 1, true])
			expect(messageOf(role, input)).toBe('error_role_unknown');
		expect(messageOf(choiceField(['a', 'b']), 'c')).toBe('error_choice_unknown');
		expect(messageOf(z.uuid({ error: requiredOr('error_form') }), 'not-an-id')).toBe('error_form');
		expect(messageOf(z.uuid({ error: requiredOr('error_form') }), '')).toBe('error_required');
	});

	it('is how the forms with a choice say it', () => {
		const email = 'a@example.com';
		const id = '00000000-0000-4000-8000-000000000000';
		const field = (schema: z.ZodType, input: object, path: string) =>
			schema.safeParse(input).error?.issues.find((i) => i.path[0] === path)?.message;
		expect(field(addMemberSchema, { email, role: 'boss' }, 'role')).toBe('error_role_unknown');
		expect(field(addMemberSchema, { email }, 'role')).toBe('error_required');
		expect(field(memberRoleSchema, { userId: id, role: 'boss' }, 'role')).toBe(
			'error_role_unknown'
		);
		expect(field(memberRoleSchema, { userId: 'x', role: 'owner' }, 'userId')).toBe('error_form');
		expect(field(newOrganisationSchema, { name_fi: 'X Oy', kind: 'mafia' }, 'kind')).toBe(
			'error_choice_unknown'
		);
		expect(field(feedbackStatusSchema, { id, status: 'lost' }, 'status')).toBe(
			'error_choice_unknown'
		);
	});
});
