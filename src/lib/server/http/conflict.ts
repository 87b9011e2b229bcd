import { error } from '@sveltejs/kit';
import { uniqueViolation } from '../db/errors';
import { log } from '../log';
import { translate } from '../i18n';

/**
 * The one mapping of a unique violation (SQLSTATE 23505) to HTTP (issue 11, item 2): a
 * 409 with words instead of a 500. Every insert that two people can race already lets the
 * database decide (`on conflict`, slugs made free in the database); this catches the rest,
 * e.g. a key that row-level security hides from the caller. The words never name the
 * constraint or the row, so nothing hidden leaks. Other errors are returned unchanged;
 * a unique violation throws SvelteKit's HttpError.
 */
export function conflictAsHttp(failure: unknown): unknown {
	const violation = uniqueViolation(failure);
	if (!violation) return failure;
	log.warn({ constraint: violation.constraint }, 'unique violation answered 409');
	error(409, translate('error_conflict'));
}
