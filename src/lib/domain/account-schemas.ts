import { z } from 'zod';
import { canonicalEmail, EMAIL_MAX_LENGTH, hasNonAsciiLocalPart } from './email';
import { LOCALES } from './locale';
import { isFilled } from './text';

// Error messages are message keys; the page shows them in the reader's language.

/**
 * The one email schema (issue 11, item 10): an address in its canonical form
 * (`canonicalEmail`: internationalised domains accepted, `Nimi@ÄÄNEKOSKI.FI` →
 * `nimi@äänekoski.fi`), or `error_email_invalid` (`invalid` overrides the key). An
 * address refused only for a letter outside a–z before the @ ("jürgen@example.fi") is
 * told so with `error_email_local_ascii` (issue 16: the browser refused it in its own
 * words; forms now leave the check to this schema). With `optional`, '' is taken as no
 * address.
 */
export const emailAddress = (invalid = 'error_email_invalid', optional = false) =>
	z.string().transform((value, ctx) => {
		if (optional && value === '') return '';
		const email = canonicalEmail(value);
		if (email === null) {
			const message =
				invalid === 'error_email_invalid' && hasNonAsciiLocalPart(value)
					? 'error_email_local_ascii'
					: invalid;
			ctx.addIssue({ code: 'custom', message, input: value });
		}
		return email ?? '';
	});

export const emailField = z
	.string({ error: 'error_required' })
	.trim()
	.min(1, { error: 'error_required' })
	.max(EMAIL_MAX_LENGTH, { error: 'error_email_invalid' })
	.pipe(emailAddress());

/** An email address or nothing (''). */
export const optionalEmailField = z
	.string()
	.trim()
	.max(EMAIL_MAX_LENGTH, { error: 'error_email_invalid' })
	.pipe(emailAddress('error_email_invalid', true))
	.default('');

export const PASSWORD_MIN = 12;
export const passwordField = z
	.string({ error: 'error_required' })
	.min(PASSWORD_MIN, { error: 'error_password_short' })
	.max(256, { error: 'error_password_long' });

export const displayNameField = z
	.string({ error: 'error_required' })
	.trim()
	.refine(isFilled, { error: 'error_required', abort: true })
	.max(120, { error: 'error_name_long' });

export const localeField = z.enum(LOCALES, { error: 'error_locale_invalid' });

export const signUpSchema = z.object({
	email: emailField,
	password: passwordField,
	displayName: displayNameField,
	locale: localeField
});

export const signInSchema = z.object({
	email: emailField,
	password: z.string({ error: 'error_required' }).min(1, { error: 'error_required' }).max(256)
});

export const forgotSchema = z.object({ email: emailField });

export const resetSchema = z.object({
	token: z.string().min(10).max(100),
	password: passwordField
});

export const profileSchema = z.object({
	displayName: displayNameField,
	locale: localeField
});

export const feedbackSchema = z.object({
	message: z
		.string({ error: 'error_required' })
		.trim()
		.refine(isFilled, { error: 'error_required', abort: true })
		.max(5000, { error: 'error_message_long' }),
	page: z.string().trim().max(500, { error: 'error_page_long' }).default(''),
	contactEmail: optionalEmailField
});
