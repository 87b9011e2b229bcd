import { refusalCode } from '../db/errors';
import { translate } from '../i18n';

/**
 * Roles that must not be held together, refused whichever comes second (issue 16
 * leftovers; the triggers of supabase/migrations/20261217000300_role_clashes.sql, SQLSTATE
 * TK422 with the code as hint): who chairs a challenge's jury and a juror of it, a juror
 * and a member of a team that applied to the challenge, a workshop's facilitator and such
 * a member, a workshop's guest and a member of a team taking part in it. Each is 409: the
 * record as it stands forbids the change. The words are the message `role_refusal_…`
 * (the code after its prefix), in fi/sv/en.
 */
export const ROLE_REFUSALS = {
	role_chair_is_juror: 409,
	role_juror_on_applicant_team: 409,
	role_facilitator_on_applicant_team: 409,
	role_workshop_guest_on_team: 409
} as const satisfies Record<string, 409>;

export type RoleRefusal = keyof typeof ROLE_REFUSALS;

/** A role clash the database refused: its code, status, message key and words. */
export class RoleRefused {
	readonly status: 409;
	readonly key: string;
	readonly message: string;
	constructor(readonly code: RoleRefusal) {
		this.status = ROLE_REFUSALS[code];
		this.key = code.replace(/^role_/, 'role_refusal_');
		this.message = translate(this.key);
	}
}

/** The role clash `failure` carries; null for anything else. */
export function roleRefusal(failure: unknown): RoleRefused | null {
	const code = refusalCode(failure, 'role_');
	if (code === null || !Object.hasOwn(ROLE_REFUSALS, code)) return null;
	return new RoleRefused(code as RoleRefusal);
}

/**
 * `work`'s answer, or the RoleRefused it was refused with; anything else it throws is
 * thrown on. For routes whose change may give someone a role that clashes with one they hold.
 */
export function orRoleRefused<T>(work: Promise<T>): Promise<T | RoleRefused> {
	return work.catch((e: unknown) => {
		const refusal = roleRefusal(e);
		if (!refusal) throw e;
		return refusal;
	});
}
