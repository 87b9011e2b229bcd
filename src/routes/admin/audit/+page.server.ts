import { error } from '@sveltejs/kit';
import { auditQueryInput, auditQuerySchema } from '$lib/domain/audit-filters';
import { listAuditEntries } from '$lib/server/audit-view';
import { requireUser } from '$lib/server/http/guards';
import { translate } from '$lib/server/i18n';
import type { PageServerLoad } from './$types';

/**
 * The audit log for platform admins (issue 15): newest first, filtered by a GET form, a
 * page at a time. Read through db.as, so row-level security decides (an admin whose
 * session lacks the second factor reads nothing). A query that does not parse is a 400
 * saying what was wrong.
 */
export const load: PageServerLoad = async ({ locals, url }) => {
	const user = requireUser(locals, url);
	if (!user.isAdmin) error(403, translate('error_forbidden'));
	const input = auditQueryInput(url.searchParams);
	const parsed = auditQuerySchema.safeParse(input);
	if (!parsed.success) error(400, translate(parsed.error.issues[0].message));
	const page = await locals.db.as(user, (tx) => listAuditEntries(tx, parsed.data));
	return { ...page, query: parsed.data, paged: Boolean(parsed.data.before) };
};
