import { m } from '$lib/paraglide/messages';
import type { Refusal } from '$lib/realtime/protocol';

/**
 * Workshop names that travel as data (phase kinds, colours, roles, modes, refusal codes),
 * named one by one so that only the workshop pages carry them, not every page using t().
 */
type Label = () => string;

const PHASE_KIND: Record<string, Label> = {
	warmup: m.phase_kind_warmup,
	ideate: m.phase_kind_ideate,
	cluster: m.phase_kind_cluster,
	vote: m.phase_kind_vote,
	discuss: m.phase_kind_discuss,
	wrapup: m.phase_kind_wrapup
};

const PHASE_HINT: Record<string, Label> = {
	warmup: m.phase_hint_warmup,
	ideate: m.phase_hint_ideate,
	cluster: m.phase_hint_cluster,
	vote: m.phase_hint_vote,
	discuss: m.phase_hint_discuss,
	wrapup: m.phase_hint_wrapup
};

const COLOUR: Record<string, Label> = {
	yellow: m.colour_yellow,
	green: m.colour_green,
	blue: m.colour_blue,
	pink: m.colour_pink,
	orange: m.colour_orange,
	purple: m.colour_purple
};

const ROLE: Record<string, Label> = {
	facilitator: m.workshop_role_facilitator,
	observer: m.workshop_role_observer,
	participant: m.workshop_role_participant
};

const MODE: Record<string, Label> = {
	shared: m.workshop_mode_shared,
	team_boards: m.workshop_mode_team_boards
};

/** The words of the protocol's refusals (the rest say "not saved, try again"). */
const REFUSAL: Partial<Record<Refusal, Label>> & { other: Label } = {
	forbidden: m.refusal_forbidden,
	phase_forbids: m.refusal_phase_forbids,
	board_locked: m.refusal_board_locked,
	not_found: m.refusal_not_found,
	not_author: m.refusal_not_author,
	exists: m.refusal_exists,
	budget_exhausted: m.refusal_budget_exhausted,
	note_limit: m.refusal_note_limit,
	no_vote: m.refusal_no_vote,
	timer_state: m.refusal_timer_state,
	invalid_payload: m.refusal_invalid_payload,
	rate_limited: m.refusal_rate_limited,
	workshop_ended: m.refusal_workshop_ended,
	session_ended: m.refusal_session_ended,
	too_many_sockets: m.refusal_too_many_sockets,
	other: m.refusal_other
};

const label = (family: Record<string, Label | undefined>, key: string, fallback?: Label) =>
	((Object.hasOwn(family, key) ? family[key] : undefined) ?? fallback)?.() ?? key;

export const phaseKindLabel = (kind: string) => label(PHASE_KIND, kind);
export const phaseHint = (kind: string) => label(PHASE_HINT, kind);
export const colourLabel = (colour: string) => label(COLOUR, colour);
export const roleLabel = (role: string) => label(ROLE, role);
export const modeLabel = (mode: string) => label(MODE, mode);
/** Why the server refused an own change, in words; an unknown code says so generally. */
export const refusalMessage = (code: string) => label(REFUSAL, code, REFUSAL.other);
