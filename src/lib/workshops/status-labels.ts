import { m } from '$lib/paraglide/messages';
import type { WorkshopStatus } from '$lib/domain/workshop-status';

// Apart from labels.ts: the challenge page's workshop panel shows a status badge, and a
// bundle is cut per module, so importing labels.ts would bring every workshop word with it.
const STATUS: Record<WorkshopStatus, () => string> = {
	scheduled: m.workshop_status_scheduled,
	live: m.workshop_status_live,
	ended: m.workshop_status_ended
};

export const statusLabel = (status: WorkshopStatus) => STATUS[status]();
