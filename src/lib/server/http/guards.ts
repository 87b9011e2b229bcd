import { redirect } from '@sveltejs/kit';
import type { SessionUser } from '../auth/sessions';

/** The signed-in user, or a redirect to sign-in that comes back here afterwards. */
export function requireUser(locals: App.Locals, url: URL): SessionUser {
	if (!locals.user) {
		redirect(303, `/auth/sign-in?redirectTo=${encodeURIComponent(url.pathname + url.search)}`);
	}
	return locals.user;
}

/** Where a platform admin without a second factor is sent before any admin page works. */
export const ENROL_PATH = '/account/security?required=admin#two-factor';

// Where a platform admin's powers act: the admin pages and every organisation's pages.
const ADMIN_AREAS = ['/admin', '/organisations'];

/**
 * Whether this request must first go to enrolment: a platform admin without a confirmed
 * second factor asking for /admin or /organisations, or anything under them, pages and
 * actions alike (issue 10: TOTP is required for platform admins). Everyone else, and every
 * other path, passes.
 */
export function needsSecondFactor(
	user: Pick<SessionUser, 'isAdmin' | 'secondFactor'> | null,
	pathname: string
): boolean {
	if (!user?.isAdmin || user.secondFactor) return false;
	return ADMIN_AREAS.some((area) => pathname === area || pathname.startsWith(`${area}/`));
}
