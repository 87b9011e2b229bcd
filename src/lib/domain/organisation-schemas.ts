import { z } from 'zod';
import { emailField } from './account-schemas';
import { LOCALES, type Locale, type LocalizedText } from './locale';
import { slugify } from './slug';
import { isBlank } from './text';
import { choiceField, requiredOr } from './field-errors';

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

const nameIn = z
	.string()
	.trim()
	.default('')
	.transform((v) => (isBlank(v) ? '' : v))
	.refine((v) => v === '' || v.length >= 2, { error: 'error_name_short' })
	.refine((v) => v.length <= 200, { error: 'error_name_long' });

/**
 * The new-organisation form: the name in each language it has one (name_fi, name_sv,
 * name_en; at least one, issue 12), the slug (made from the primary name when empty; the
 * database makes a taken one free), kind, business ID and website. Returns `names`, the
 * `primaryLocale` (the first given of fi, sv, en) and `name`, the name in it.
 */
export const newOrganisationSchema = z
	.object({
		name_fi: nameIn,
		name_sv: nameIn,
		name_en: nameIn,
		slug: z.string().trim().toLowerCase().max(60, { error: 'error_slug_invalid' }).default(''),
		kind: choiceField(ORGANISATION_KINDS),
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
	.refine((org) => org.name_fi || org.name_sv || org.name_en, {
		error: 'orgadmin_error_name_required',
		path: ['name_fi']
	})
	.transform(({ name_fi, name_sv, name_en, ...org }) => {
		const given: Record<Locale, string> = { fi: name_fi, sv: name_sv, en: name_en };
		const names: LocalizedText = Object.fromEntries(
			LOCALES.filter((l) => given[l]).map((l) => [l, given[l]])
		);
		const primaryLocale = LOCALES.find((l) => given[l]) ?? 'fi';
		const name = given[primaryLocale];
		return { ...org, names, primaryLocale, name, slug: org.slug || slugify(name) };
	})
	.refine((org) => /^[a-z0-9]+(-[a-z0-9]+)*$/.test(org.slug), {
		error: 'error_slug_invalid',
		path: ['slug']
	});

export type NewOrganisation = z.output<typeof newOrganisationSchema>;

export const addMemberSchema = z.object({
	email: emailField,
	role: choiceField(MEMBER_ROLES, 'error_role_unknown')
});

export const removeMemberSchema = z.object({ userId: z.uuid({ error: requiredOr('error_form') }) });

export const memberRoleSchema = z.object({
	userId: z.uuid({ error: requiredOr('error_form') }),
	role: choiceField(MEMBER_ROLES, 'error_role_unknown')
});

export const withdrawInvitationSchema = z.object({
	invitationId: z.uuid({ error: requiredOr('error_form') })
});
