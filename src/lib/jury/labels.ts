import { m } from '$lib/paraglide/messages';
import type { AssignedStatus } from '$lib/domain/jury/item-filter';

/**
 * An item's status in words, named one by one so that only the jury pages carry them.
 * A stage is named by stageLabel ($lib/i18n-names), as everywhere.
 */
type Label = () => string;

const STATUS: Record<AssignedStatus, Label> = {
	not_declared: m.juror_status_not_declared,
	conflicted: m.juror_status_conflicted,
	not_started: m.juror_status_not_started,
	draft: m.juror_status_draft,
	submitted: m.juror_status_submitted
};

export const statusLabel = (status: AssignedStatus) => STATUS[status]();
