import { describe, expect, it } from 'vitest';
import { feedbackSchema, forgotSchema, signInSchema, signUpSchema } from './account-schemas';
import { addMemberSchema } from './organisation-schemas';
import { inviteSchema } from './team-schemas';
import { splitEmails } from './workshop-schemas';

const valid = {
	email: '  Sanna.Solver@Example.FI ',
	password: 'a long enough passphrase',
	displayName: ' Sanna ',
	locale: 'fi'
};

const errorsOf = (input: unknown) => {
	const result = signUpSchema.safeParse(input);
	return result.success
		? {}
		: Object.fromEntries(result.error.issues.map((i) => [i.path[0], i.message]));
};

describe('sign-up form', () => {
	it('normalises email (trimmed, lower case) and name', () => {
		expect(signUpSchema.parse(valid)).toEqual({
			email: 'sanna.solver@example.fi',
			password: 'a long enough passphrase',
			displayName: 'Sanna',
			locale: 'fi'
		});
	});

	it('names each problem with a message key', () => {
		expect(errorsOf({ ...valid, password: 'short' })).toEqual({ password: 'error_password_short' });
		expect(errorsOf({ ...valid, email: 'not-an-email' })).toEqual({ email: 'error_email_invalid' });
		expect(errorsOf({ ...valid, email: '' })).toEqual({ email: 'error_required' });
		// Issue 16: the browser no longer refuses it in its own words; the server says why.
		expect(errorsOf({ ...valid, email: 'jürgen@example.fi' })).toEqual({
			email: 'error_email_local_ascii'
		});
		expect(errorsOf({ ...valid, locale: 'de' })).toEqual({ locale: 'error_locale_invalid' });
		expect(errorsOf({ ...valid, displayName: 'x'.repeat(121) })).toEqual({
			displayName: 'error_name_long'
		});
		expect(errorsOf({})).toEqual({
			email: 'error_required',
			password: 'error_required',
			displayName: 'error_required',
			locale: 'error_locale_invalid'
		});
	});

	it('does not trim passwords: spaces are characters too', () => {
		expect(signUpSchema.parse({ ...valid, password: ' twelve chars ' }).password).toBe(
			' twelve chars '
		);
	});
});

describe('accessibility feedback form', () => {
	it('needs a message; page and contact email are optional', () => {
		expect(feedbackSchema.parse({ message: ' Low contrast ' })).toEqual({
			message: 'Low contrast',
			page: '',
			contactEmail: ''
		});
		expect(feedbackSchema.safeParse({ message: '' }).success).toBe(false);
		expect(feedbackSchema.safeParse({ message: 'x', contactEmail: 'nope' }).success).toBe(false);
	});
});

describe('every email field takes an internationalised domain (issue 11, item 10)', () => {
	const typed = ' Nimi@ÄÄNEKOSKI.fi ';
	const stored = 'nimi@äänekoski.fi';

	it('sign-up, sign-in, reset, team invitation, organisation member, contacts, experts', () => {
		expect(signUpSchema.parse({ ...valid, email: typed }).email).toBe(stored);
		expect(signInSchema.parse({ email: typed, password: 'x' }).email).toBe(stored);
		expect(forgotSchema.parse({ email: typed }).email).toBe(stored);
		expect(inviteSchema.parse({ email: typed }).email).toBe(stored);
		expect(addMemberSchema.parse({ email: typed, role: 'member' }).email).toBe(stored);
		expect(feedbackSchema.parse({ message: 'Hei', contactEmail: typed }).contactEmail).toBe(stored);
		expect(feedbackSchema.parse({ message: 'Hei' }).contactEmail).toBe('');
		expect(splitEmails(`${typed}, nimi@xn--nekoski-4waa.fi`)).toEqual([stored]);
	});

	it("and refuses a malformed one with the field's own message", () => {
		expect(errorsOf({ ...valid, email: 'nimi@ääne koski.fi' })).toEqual({
			email: 'error_email_invalid'
		});
		const result = feedbackSchema.safeParse({ message: 'Hei', contactEmail: 'nimi@' });
		expect(result.error?.issues[0].message).toBe('error_email_invalid');
	});
});
