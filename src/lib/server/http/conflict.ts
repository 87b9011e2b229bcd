import { error } from '@sveltejs/kit';
import { blankViolation, uniqueViolation } from '../db/errors';
import { log } from '../log';
import { translate } from '../i18n';

/**
 * The one mapping of the database's own refusals to HTTP, in the person's language and
 * never a 500:
 * - a unique violation (SQLSTATE 23505, issue 11, item 2) is a 409. Every insert that two
 *   people can race already lets the database decide (`on conflict`, slugs made free in the
 *   database); this catches the rest, e.g. a key that row-level security hides from the
 *   caller;
 * - blank text refused by a `…_blank` check (SQLSTATE 23514, issue 16;
 *   supabase/migrations/20261216000200_blank_direct_writes.sql) is a 422: the forms refuse
 *   blank first (isBlank), so this answers what slips past them.
 * The words never name the constraint or the row, so nothing hidden leaks. Other errors are
 * returned unchanged; a mapped one throws SvelteKit's HttpError.
 */
export function databaseErrorAsHttp(failure: unknown): unknown {
	const violation = uniqueViolation(failure);
	if (violation) {
		log.warn({ constraint: violation.constraint }, 'unique violation answered 409');
		error(409, translate('error_conflict'));
	}
	const blank = blankViolation(failure);
	if (blank) {
		log.warn({ constraint: blank.constraint }, 'blank text answered 422');
		error(422, translate('error_text_blank'));
	}
	return failure;
}
