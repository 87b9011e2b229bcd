import { z } from 'zod';
import { LOCALES } from './locale';

// Error messages are message keys; the page shows them in the reader's language.
export const emailField = z
	.string({ error: 'error_required' })
	.trim()
	.toLowerCase()
	.min(1, { error: 'error_required' })
	.max(254, { error: 'error_email_invalid' })
	.pipe(z.email({ error: 'error_email_invalid' }));

/** An email address or nothing (''). */
export const optionalEmailField = z
	.string()
	.trim()
	.toLowerCase()
	.max(254, { error: 'error_email_invalid' })
	.pipe(z.union([z.literal(''), z.email({ error: 'error_email_invalid' })]))
	.default('');

export const PASSWORD_MIN = 12;
export const passwordField = z
	.string({ error: 'error_required' })
	.min(PASSWORD_MIN, { error: 'error_password_short' })
	.max(256, { error: 'error_password_long' });

export const displayNameField = z
	.string({ error: 'error_required' })
	.trim()
	.min(1, { error: 'error_required' })
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
		.min(1, { error: 'error_required' })
		.max(5000, { error: 'error_message_long' }),
	page: z.string().trim().max(500, { error: 'error_page_long' }).default(''),
	contactEmail: optionalEmailField
});
