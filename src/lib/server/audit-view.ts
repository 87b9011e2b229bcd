import type { Queryable } from './db';
import type { Locale, LocalizedText } from '$lib/domain/locale';
import type { Procedure } from '$lib/domain/procedure';
import { AUDIT_PAGE_SIZE, type AuditActionName, type AuditQuery } from '$lib/domain/audit-filters';

/** A name in several languages with its primary one (public.audit_target). */
export interface NamedThing {
	names: LocalizedText;
	primary: Locale;
	/** For a decision: its stage. */
	stage?: string;
}

/** One audit entry as /admin/audit shows it: the ids resolved to names where known. */
export interface AuditRow {
	id: string;
	occurredAt: Date;
	action: AuditActionName;
	actor: { name: string; email: string } | null;
	targetKind: string | null;
	targetId: string | null;
	/** The target in words: a user's name and email, or an organisation's, challenge's or decision's names. */
	target: {
		name?: string;
		email?: string;
		names?: LocalizedText;
		primary?: Locale;
		/** For a decision: its stage and the challenge's procedure, which names it. */
		stage?: string;
		procedure?: Procedure;
	} | null;
	/** Where a role changed: the organisation or challenge named in the details. */
	place: NamedThing | null;
	address: string | null;
	details: Record<string, unknown>;
}

export interface AuditPage {
	entries: AuditRow[];
	/** The id to page on from (the last entry shown), when older entries match. */
	older: string | null;
}

/** `like` pattern for text typed by a person: their % and _ are literal. */
const contains = (s: string) => `%${s.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/**
 * One page of the audit log, newest first, as `tx`'s user may read it: row-level
 * security lets only a platform admin with the second factor read anything (others get
 * an empty page), and public.audit_target names targets for them alone
 * (20261209001100_audit_events.sql). Filters (auditQuerySchema, already parsed): the
 * action; part of the actor's email; part of the target's id, or of a target user's email
 * or name; days from/to in Europe/Helsinki, both included; `before`, an entry id, for the
 * older page (entries' ids rise in the order they were written).
 */
export async function listAuditEntries(tx: Queryable, query: AuditQuery): Promise<AuditPage> {
	const rows = await tx.query<{
		id: string;
		occurred_at: Date;
		action: AuditActionName;
		actor_name: string | null;
		actor_email: string | null;
		target_kind: string | null;
		target_id: string | null;
		target: AuditRow['target'];
		place: NamedThing | null;
		address: string | null;
		details: Record<string, unknown>;
	}>(
		`select a.id::text as id, a.occurred_at, a.action, p.display_name as actor_name,
		        p.email as actor_email, a.target_kind, a.target_id,
		        public.audit_target(a.target_kind, a.target_id) as target,
		        coalesce(public.audit_target('organisation', a.details ->> 'organisation_id'),
		                 public.audit_target('challenge', a.details ->> 'challenge_id')) as place,
		        abbrev(a.address) as address,
		        a.details
		 from public.audit_log a
		 left join public.profiles p on p.id = a.actor_id
		 left join public.profiles t on a.target_kind = 'user' and t.id::text = a.target_id
		 where ($1::text is null or a.action = $1)
		   and ($2::text is null or p.email ilike $2)
		   and ($3::text is null or a.target_id ilike $3 or t.email ilike $3 or t.display_name ilike $3)
		   and ($4::date is null or a.occurred_at >= ($4::date::timestamp at time zone 'Europe/Helsinki'))
		   and ($5::date is null or a.occurred_at < (($5::date + 1)::timestamp at time zone 'Europe/Helsinki'))
		   and ($6::bigint is null or a.id < $6::bigint)
		 order by a.id desc
		 limit $7`,
		[
			query.action ?? null,
			query.actor ? contains(query.actor) : null,
			query.target ? contains(query.target) : null,
			query.from ?? null,
			query.to ?? null,
			query.before ?? null,
			AUDIT_PAGE_SIZE + 1
		]
	);
	const entries = rows.slice(0, AUDIT_PAGE_SIZE).map((r): AuditRow => ({
		id: r.id,
		occurredAt: new Date(r.occurred_at),
		action: r.action,
		actor: r.actor_email ? { name: r.actor_name ?? '', email: r.actor_email } : null,
		targetKind: r.target_kind,
		targetId: r.target_id,
		target: r.target,
		place: r.place,
		address: r.address,
		details: r.details ?? {}
	}));
	return {
		entries,
		older: rows.length > AUDIT_PAGE_SIZE ? entries[entries.length - 1].id : null
	};
}
