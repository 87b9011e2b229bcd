import { z } from 'zod';
import { emailField } from './account-schemas';

export const ORGANISATION_KINDS = [
	'public_body',
	'university',
	'agency',
	'company',
	'other'
] as const;
export const MEMBER_ROLES = ['owner', 'member'] as const;
export type MemberRole = (typeof MEMBER_ROLES)[number];

/**
 * Finnish business ID (Y-tunnus): seven digits, a hyphen and a check digit computed
 * with weights 7, 9, 10, 5, 8, 4, 2 modulo 11 (remainder 1 is never issued).
 */
export function isValidBusinessId(value: string): boolean {
	const match = /^(\d{7})-(\d)$/.exec(value);
	if (!match) return false;
	const weights = [7, 9, 10, 5, 8, 4, 2];
	const sum = [...match[1]].reduce((acc, digit, i) => acc + Number(digit) * weights[i], 0);
	const remainder = sum % 11;
	if (remainder === 1) return false;
	return (remainder === 0 ? 0 : 11 - remainder) === Number(match[2]);
}

/** A URL-safe name made of a display name: "Metsähallitus Oy" → "metsahallitus-oy". */
export function slugify(name: string): string {
	return name
		.normalize('NFKD')
		.replace(/[\u0300-\u036f]/g, '')
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-+|-+$/g, '')
		.slice(0, 60)
		.replace(/-+$/g, '');
}

export const newOrganisationSchema = z
	.object({
		name: z
			.string({ error: 'error_required' })
			.trim()
			.min(2, { error: 'error_name_short' })
			.max(200, { error: 'error_name_long' }),
		slug: z.string().trim().toLowerCase().max(60, { error: 'error_slug_invalid' }).default(''),
		kind: z.enum(ORGANISATION_KINDS, { error: 'error_required' }),
		businessId: z
			.string()
			.trim()
			.default('')
			.refine((v) => v === '' || isValidBusinessId(v), { error: 'error_business_id_invalid' }),
		website: z
			.string()
			.trim()
			.default('')
			.refine((v) => v === '' || /^https?:\/\/[^\s]+\.[^\s]+$/.test(v), {
				error: 'error_url_invalid'
			})
	})
	.transform((org) => ({ ...org, slug: org.slug || slugify(org.name) }))
	.refine((org) => /^[a-z0-9]+(-[a-z0-9]+)*$/.test(org.slug), {
		error: 'error_slug_invalid',
		path: ['slug']
	});

export type NewOrganisation = z.output<typeof newOrganisationSchema>;

export const addMemberSchema = z.object({
	email: emailField,
	role: z.enum(MEMBER_ROLES, { error: 'error_required' })
});

export const removeMemberSchema = z.object({ userId: z.uuid({ error: 'error_required' }) });
