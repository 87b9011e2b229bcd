import type { Queryable } from '../../src/lib/server/db/driver';

/**
 * A lint over the migrated catalogue: the least-privilege rules of DESIGN.md ("The
 * record") as queries, so that a migration breaking one fails a test naming the object.
 * Run it as the server's own connection (db.service): it reads pg_catalog only.
 */

export type Rule =
	| 'rls'
	| 'policy-for-grant'
	| 'search-path'
	| 'planned-once'
	| 'auth-per-row'
	| 'auth-inlined'
	| 'id-set-estimate'
	| 'exists-per-row'
	| 'optional-filter'
	| 'set-built-twice'
	| 'call-per-row'
	| 'index'
	| 'dangerous-grant'
	| 'anon-execute'
	| 'duplicate-policy'
	| 'audit-column'
	| 'blank-text';

export interface Finding {
	rule: Rule;
	/** The table, function, policy or default the finding is about, as Postgres names it. */
	object: string;
	message: string;
}

/**
 * Functions a visitor (role `anon`) may execute, each with why a visitor needs it. Anything
 * else executable by anon in public, private or (our own) auth is a finding: functions are
 * private unless granted (see 20261130000100_least_privilege.sql).
 */
export const ANON_EXECUTABLE: Record<string, string> = {
	'auth.uid()': 'policies and column defaults for anon (accessibility feedback) read the caller',
	'auth.jwt()': 'auth.uid() and auth.role() read the claims through it',
	'auth.role()': "Supabase's own helper; answers only about the caller's claims",
	'private.my_question_ids()':
		"the select policy of challenge_questions applies to anon (askers' own questions; empty for anon)",
	'private.my_challenge_ids()':
		'the select policy of challenge_questions applies to anon (owners see all; empty for anon)',
	'private.questions_open(uuid)':
		'a challenge page shows visitors whether questions are open (public: published challenges only)',
	'private.is_challenge_member(uuid)':
		'a challenge page asks whether the caller manages it (answers only about the caller)',
	'public.team_invitation_preview(text)':
		'the invitation page before sign-in; the mailed token is the secret it needs',
	'public.decline_team_invitation(text)':
		'an invitee without an account declines through the mailed link; the token is the secret it needs',
	'public.organisation_invitation_preview(text)':
		'the organisation invitation page before sign-in; the mailed token is the secret it needs',
	'public.jury_invitation_preview(text)':
		'the jury invitation page before sign-in; the mailed token is the secret it needs',
	'public.sort_key(text, text)':
		"lists visitors read are in the reader's alphabet (pure: text in, key out, no table)",
	'public.matching_challenge_ids(text, text)':
		'the challenge search of /challenges through its indexes (ids of published challenges only)',
	'public.search_fold(text)':
		'the word search of lists visitors read (/organisations) folds each row (pure: text in, text out, no table)',
	'private.is_blank(text)':
		'the check that accessibility feedback a visitor sends has a message runs it as the visitor (pure: text in, answer out)',
	'private.format_characters()': 'private.is_blank runs it as its caller (pure: a constant)'
};

/**
 * Tables visitors may SELECT without a policy for anon (so they see no rows): queries of
 * pages visitors read join them, and a privilege error would break the page.
 */
export const ANON_SELECT_WITHOUT_POLICY: Record<string, string> = {
	'public.challenge_followers': 'the challenge page asks whether the reader follows it',
	'public.challenge_question_askers': 'the challenge page marks the reader’s own questions'
};

/**
 * Columns named like audit columns (ending in _at or _by) that the API roles may still
 * write, each with why: times a person enters, not times the database records.
 */
export const WRITABLE_TIMES: Record<string, string> = {
	'public.challenge_stages.starts_at': 'the owner schedules each procurement stage',
	'public.challenge_stages.ends_at': 'the owner schedules each procurement stage',
	'public.workshops.starts_at': 'the facilitator schedules (and reschedules) the workshop'
};

/**
 * Text columns (text, text[], jsonb) the API roles may write that may hold blank text,
 * each with why (supabase/migrations/20261216000200_blank_direct_writes.sql): optional
 * ones, '' when not given, and ones whose own check (a pattern, a list) already refuses
 * blank. Every other one has a check named `<table>_<column>_blank`.
 */
export const BLANK_ALLOWED: Record<string, string> = {
	'public.accessibility_feedback.page': "optional: '' when the form did not say which page",
	'public.accessibility_feedback.contact_email': 'optional: the account’s address is used instead',
	'public.accessibility_feedback.locale': 'one of fi, sv, en',
	'public.application_answers.explanation':
		'optional in a draft; submitting asks it for an unmet requirement (is_blank)',
	'public.application_documents.file_key': 'a storage key of a fixed pattern',
	'public.application_ideas.title': 'a draft’s idea fills in over time; submitting refuses blank',
	'public.application_ideas.problem': 'a draft’s idea fills in over time; submitting refuses blank',
	'public.application_ideas.idea': 'a draft’s idea fills in over time; submitting refuses blank',
	'public.application_ideas.value': 'a draft’s idea fills in over time; submitting refuses blank',
	'public.applications.lang': 'one of fi, sv, en',
	'public.boards.settings': 'settings of a board, no text a person reads',
	'public.calendar_feeds.token': 'a token of a fixed pattern',
	'public.challenge_criteria.stage': 'one of the stages',
	'public.challenge_stages.stage': 'one of the stages',
	'public.challenges.contact_email': 'optional in a draft; publishing refuses blank',
	'public.challenges.contact_name':
		'optional in a draft; publishing refuses blank; erasure empties it',
	'public.challenges.cover_image': 'null or a storage key of a fixed pattern',
	'public.challenges.primary_locale': 'one of fi, sv, en',
	'public.challenges.procedure': 'one of the procedures',
	'public.challenges.slug': 'a slug of a fixed pattern',
	'public.organisation_members.role': 'owner or member',
	'public.organisations.business_id': 'null or a business ID of a fixed pattern',
	'public.organisations.kind': 'one of the kinds',
	'public.organisations.primary_locale': 'one of fi, sv, en',
	'public.organisations.slug': 'a slug of a fixed pattern',
	'public.organisations.website': 'null or an address starting http(s)://',
	'public.profiles.locale': 'one of fi, sv, en',
	'public.team_projects.description': "optional: '' when not given",
	'public.team_projects.evidence_file': 'null or a storage key of a fixed pattern',
	'public.team_projects.evidence_url': 'null or an address starting http(s)://',
	'public.teams.description': "optional: '' when not given",
	'public.teams.lang': 'one of fi, sv, en',
	'public.work_entries.description': "optional: '' when not given",
	'public.work_entries.evidence_file': 'null or a storage key of a fixed pattern',
	'public.work_entries.evidence_url': 'null or an address starting http(s)://',
	'public.work_entries.lang': 'one of fi, sv, en',
	'public.workshop_participants.kind': 'one of the kinds',
	'public.workshops.mode': 'one of the modes'
};

/** Schemas whose functions and tables are ours (migrations create them). */
const OUR_SCHEMAS = `('public', 'private', 'auth', 'local_auth')`;
/** Every function, named as Postgres names it (`object`), as `p` with its schema `n`. */
const FUNCTIONS = `select format('%I.%I(%s)', n.nspname, p.proname, oidvectortypes(p.proargtypes)) as object
	from pg_proc p join pg_namespace n on n.oid = p.pronamespace`;
/** Supabase's auth helpers, as far as they exist (oids; on Supabase not ours). */
const AUTH_HELPERS = `select f from unnest(array[to_regprocedure('auth.jwt()'),
	to_regprocedure('auth.uid()'), to_regprocedure('auth.role()')]::oid[]) f where f is not null`;
/**
 * Set-returning helpers that call a helper per row (rule call-per-row), each with why its
 * rows are few: they are the caller's own, not the data's.
 */
export const PER_ROW_CALLS: Record<string, string> = {
	'private.my_workshop_ids()':
		"per workshop the caller was invited to as a guest (the caller's own places)",
	'public.board_note_authors(uuid)': 'per board asked about: the one board of the call',
	'private.my_visible_jury_score_ids()': "per jury the caller sits on (the caller's own seats)",
	'private.my_production_concept_ids()': "per concept of the caller's own teams"
};
/** Who owns what our migrations create: the owner of schema private. */
const MIGRATOR = `(select nspowner from pg_namespace where nspname = 'private')`;
/**
 * Our functions in `private` and `public` (the helpers and the API), made by the
 * migrations: FUNCTIONS with the language as `l`; a rule goes on with `and …`.
 */
const HELPERS_AND_API = `${FUNCTIONS} join pg_language l on l.oid = p.prolang
	where n.nspname in ('private', 'public') and p.proowner = ${MIGRATOR}`;
/** Schemas the API roles can reach: what Supabase's Data API could expose. */
const EXPOSED = `(n.nspname not in ('pg_catalog', 'information_schema') and n.nspname not like 'pg\\_%'
	and (has_schema_privilege('anon', n.oid, 'USAGE') or has_schema_privilege('authenticated', n.oid, 'USAGE')))`;
const API_ROLES = `(values ('anon'), ('authenticated')) as api(role)`;

type Row = Record<string, string>;

/**
 * Every text column (text and varchar, arrays of them, jsonb) of a table the API roles can
 * reach that anon or authenticated may insert or update, as `schema.table.column`, with
 * whether a check named `<table>_<column>_blank` guards it.
 */
export async function writableTextColumns(
	tx: Queryable
): Promise<{ object: string; guarded: boolean }[]> {
	return tx.query<{ object: string; guarded: boolean }>(
		`select format('%I.%I.%I', n.nspname, c.relname, a.attname) as object,
		   exists (select 1 from pg_constraint k where k.conrelid = c.oid and k.contype = 'c'
		           and k.conname = c.relname || '_' || a.attname || '_blank') as guarded
		 from pg_class c join pg_namespace n on n.oid = c.relnamespace
		 join pg_attribute a on a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped
		 join pg_type t on t.oid = a.atttypid
		 left join pg_type e on e.oid = t.typelem and t.typcategory = 'A'
		 where ${EXPOSED} and c.relkind in ('r', 'p')
		   and (t.typcategory = 'S' or e.typcategory = 'S' or t.oid = 'jsonb'::regtype)
		   and exists (select 1 from ${API_ROLES} cross join (values ('INSERT'), ('UPDATE')) as x(priv)
		               where has_column_privilege(api.role, c.oid, a.attnum, x.priv))
		 order by 1`
	);
}

/** Every finding of every rule; an empty list is a clean catalogue. */
export async function lintCatalogue(
	tx: Queryable,
	anonAllowed: Record<string, string> = ANON_EXECUTABLE
): Promise<Finding[]> {
	const findings: Finding[] = [];
	const add = (rule: Rule, rows: Row[], message: (r: Row) => string) => {
		for (const r of rows) findings.push({ rule, object: r.object, message: message(r) });
	};

	// A table the API roles can reach has row-level security on; a view runs as its caller.
	add(
		'rls',
		await tx.query<Row>(
			`select format('%I.%I', n.nspname, c.relname) as object, c.relkind as kind
			 from pg_class c join pg_namespace n on n.oid = c.relnamespace
			 where ${EXPOSED} and (
			   (c.relkind in ('r', 'p') and not c.relrowsecurity)
			   or (c.relkind in ('v', 'm') and not coalesce('security_invoker=true' = any (c.reloptions), false)
			       and (has_table_privilege('anon', c.oid, 'SELECT')
			            or has_table_privilege('authenticated', c.oid, 'SELECT'))))
			 order by 1`
		),
		(r) =>
			r.kind === 'v' || r.kind === 'm'
				? `view ${r.object} is readable by the API roles and runs as its owner, past row-level security`
				: `table ${r.object} has no row-level security`
	);

	// Every privilege granted to anon/authenticated is one some policy gives a use: otherwise
	// revoke it (least privilege: what no policy allows is not granted either).
	add(
		'policy-for-grant',
		(
			await tx.query<Row>(
				`select format('%I.%I', n.nspname, c.relname) as object, api.role, a.priv
			 from pg_class c join pg_namespace n on n.oid = c.relnamespace
			 cross join ${API_ROLES}
			 cross join (values ('SELECT', 'r'), ('INSERT', 'a'), ('UPDATE', 'w'), ('DELETE', 'd')) as a(priv, cmd)
			 where ${EXPOSED} and c.relkind in ('r', 'p')
			   and (case when a.priv = 'DELETE' then has_table_privilege(api.role, c.oid, 'DELETE')
			             else has_any_column_privilege(api.role, c.oid, a.priv) end)
			   and not exists (
			     select 1 from pg_policy p
			     where p.polrelid = c.oid and p.polcmd in (a.cmd, '*')
			       and (0::oid = any (p.polroles) or (select oid from pg_roles where rolname = api.role) = any (p.polroles)))
			 order by 1, 2, 3`
			)
		).filter(
			(r) => !(r.role === 'anon' && r.priv === 'SELECT' && r.object in ANON_SELECT_WITHOUT_POLICY)
		),
		(r) =>
			`table ${r.object} grants ${r.priv} to ${r.role} but no policy allows ${r.role} to ${r.priv.toLowerCase()}: revoke it or write the policy`
	);

	// Every function of ours runs with search_path = '' (names qualified inside), but for
	// the local stand-ins of Supabase's auth.jwt(), auth.uid() and auth.role(): the planner
	// inlines those, as Supabase's own, only without a SET clause (their bodies name only
	// pg_catalog's functions and each other, qualified).
	add(
		'search-path',
		await tx.query<Row>(
			`${FUNCTIONS}
			 where n.nspname in ${OUR_SCHEMAS} and p.proowner = ${MIGRATOR}
			   and p.oid not in (${AUTH_HELPERS})
			   and not exists (select 1 from pg_depend d
			                   where d.classid = 'pg_proc'::regclass and d.objid = p.oid and d.deptype = 'e')
			   and not coalesce('search_path=""' = any (p.proconfig), false)
			 order by 1`
		),
		(r) => `function ${r.object} has no fixed search_path (set search_path = '')`
	);

	// The policies ask `(select auth.uid())` dozens of times a statement: the auth helpers
	// are inlined into it (SQL, not security definer, no SET clause), never run as functions,
	// which parsed and planned their bodies on every call (issue 16).
	add(
		'auth-inlined',
		await tx.query<Row>(
			`${FUNCTIONS}
			 join pg_language l on l.oid = p.prolang
			 where p.oid in (${AUTH_HELPERS})
			   and (l.lanname <> 'sql' or p.prosecdef or p.proconfig is not null or p.provolatile = 'v')
			 order by 1`
		),
		(r) =>
			`${r.object} cannot be inlined into the policies: make it a SQL function without security definer or SET clause`
	);

	// A read-only security-definer function of ours (the helpers policies and definer
	// functions call, `id in (select private.my_…_ids())`, `private.is_team_member(team_id)`,
	// and the API's, `public.challenge_follower_count(id)` per row of a list) is PL/pgSQL: a
	// SQL one cannot be inlined, so its query is parsed and planned again in each statement
	// that calls it, and the helpers nested in it again on each call; a PL/pgSQL body is
	// planned once per connection (issue 16). And it keeps its plans: without
	// plan_cache_mode = force_generic_plan, Postgres plans a statement again on every call
	// as long as that looks cheaper than its generic plan, which a statement of an array
	// (`c.id = any(scope)`) always does: 0.1 ms a call of private.my_challenge_ids
	// (20261217001200_generic_plans.sql).
	add(
		'planned-once',
		await tx.query<Row>(
			`${HELPERS_AND_API}
			   and p.prosecdef and p.provolatile <> 'v'
			   and (l.lanname = 'sql' or (l.lanname = 'plpgsql'
			     and 'plan_cache_mode=force_generic_plan' <> all (coalesce(p.proconfig, '{}'))))
			 order by 1`
		),
		(r) =>
			`${r.object} is a read-only security-definer function planned again on calls (SQL, or PL/pgSQL without generic plans): write it in PL/pgSQL with SET plan_cache_mode = force_generic_plan`
	);

	// A set of ids a policy tests rows against (`id in (select private.my_team_ids())`) is
	// a hashed subplan sized by the function's row estimate: a private function returning
	// ids is estimated small (ROWS 10; 20261217000800_id_set_estimates.sql, issue 16).
	add(
		'id-set-estimate',
		await tx.query<Row>(
			`${FUNCTIONS}
			 where n.nspname = 'private' and p.proretset and p.prorettype = 'uuid'::regtype
			   and p.prorows > 100
			 order by 1`
		),
		(r) =>
			`${r.object} returns a set of ids estimated at more than 100 rows: declare ROWS 10, as the other id sets are`
	);

	// `count(*) filter (where not exists (select … from t where t.x = a.id))`: a subquery in
	// an aggregate's FILTER cannot become a join, so it runs once per row aggregated, every
	// policy of `t` with it (public.challenge_attention scanned the screening decisions once
	// per application: 20261217000900_attention_screened_join.sql, issue 16). Join instead.
	add(
		'exists-per-row',
		await tx.query<Row>(
			`${HELPERS_AND_API}
			   and p.prosrc ~* 'filter\\s*\\(\\s*where\\s+(not\\s+)?exists\\s*\\('
			 order by 1`
		),
		(r) =>
			`${r.object} tests EXISTS inside an aggregate's FILTER, once per row: join the table instead`
	);

	// `where … and (scope is null or c.id = any(scope))` in a PL/pgSQL function: its one
	// generic plan must also serve a null scope, so it cannot look the column up by index
	// and reads every row before keeping the scope's (the challenge scope's helpers did, 1.4
	// ms a call for an owner of 1,000 challenges: 20261217001100_scope_branches.sql, issue
	// 16). Branch on the variable instead: one statement for each case.
	add(
		'optional-filter',
		await tx.query<Row>(
			`${HELPERS_AND_API}
			   and l.lanname = 'plpgsql'
			   and p.prosrc ~* '\\m(\\w+)\\s+is\\s+null\\s+or\\s+\\w+\\.\\w+\\s*=\\s*any\\s*\\(\\s*\\1\\s*\\)'
			 order by 1`
		),
		(r) =>
			`${r.object} filters a column by a variable that may be null (\`v is null or t.c = any(v)\`), which no generic plan can look up by index: branch on the variable`
	);

	// One statement of a helper that names the same id set twice, `x in (select
	// private.my_concept_ids()) or y in (select private.my_concept_ids())`, builds it twice,
	// and every helper nested in it twice: private.my_decision_item_ids built my_team_ids
	// three times a call, and the policies of decisions and their items call it several
	// times a page (20261217001300_decision_items_by_item.sql, issue 16). Build it once (a
	// variable, or one subquery over a UNION).
	add(
		'set-built-twice',
		await tx.query<Row>(
			`${HELPERS_AND_API}
			   and l.lanname in ('plpgsql', 'sql')
			   and exists (
			     select from regexp_split_to_table(p.prosrc, ';') with ordinality s(statement, n),
			       lateral regexp_matches(s.statement, 'private\\.(my_\\w+)\\s*\\(', 'g') m
			     group by s.n, m[1] having count(*) > 1)
			 order by 1`
		),
		(r) =>
			`${r.object} builds one id set twice in a statement (the same private.my_… call twice): build it once`
	);

	// A helper returning a set (what policies test rows against, and the API's per-page
	// counts) that calls a helper of ours per row, `and private.final_tenders_unsealed(
	// t.challenge_id)`, pays a definer call per row of whatever it scans: once per
	// challenge of the owner's /manage page, once per final tender of every challenge the
	// owner's team runs (20261217001400_unsealed_joined.sql, issue 16). Join the rule
	// instead; PER_ROW_CALLS names those that call it over the caller's own few rows only.
	add(
		'call-per-row',
		(
			await tx.query<Row>(
				`${HELPERS_AND_API}
				   and p.proretset and p.provolatile <> 'v'
				   and p.prosrc ~ 'private\\.\\w+\\(\\s*\\w+\\.\\w+\\s*\\)'
				 order by 1`
			)
		).filter((r) => !(r.object in PER_ROW_CALLS)),
		(r) =>
			`${r.object} returns a set and calls a helper per row of what it reads (private.f(t.column)): join the rule instead`
	);

	// Policies read the caller once per statement, `(select auth.uid())`, and never from
	// user_metadata, which the user can write.
	const policies = await tx.query<Row>(
		`select format('%s on %I.%I', quote_ident(p.polname), n.nspname, c.relname) as object,
		   coalesce(pg_get_expr(p.polqual, p.polrelid), '') || ' ' ||
		   coalesce(pg_get_expr(p.polwithcheck, p.polrelid), '') as expr
		 from pg_policy p join pg_class c on c.oid = p.polrelid join pg_namespace n on n.oid = c.relnamespace
		 order by 1`
	);
	const wrapped = /\( SELECT \(?auth\.(?:uid|jwt|role)\(\)(?:[^()]|\([^()]*\))*? AS [^()]+?\)/g;
	for (const p of policies) {
		const bare = p.expr.replace(wrapped, '');
		if (/auth\.(uid|jwt|role)\(\)|current_setting\('request\.jwt/.test(bare)) {
			findings.push({
				rule: 'auth-per-row',
				object: p.object,
				message: `policy ${p.object} calls auth.uid()/auth.jwt() for every row: wrap it as (select auth.uid())`
			});
		}
		if (/user_?meta_?data/i.test(p.expr)) {
			findings.push({
				rule: 'auth-per-row',
				object: p.object,
				message: `policy ${p.object} reads user_metadata, which every user can write`
			});
		}
	}

	// Foreign keys are the leading columns of some (whole-table) index: cascades and joins.
	add(
		'index',
		await tx.query<Row>(
			`select format('%I.%I(%s)', n.nspname, c.relname,
			         (select string_agg(quote_ident(a.attname), ', ' order by k.i)
			          from unnest(f.conkey) with ordinality k(attnum, i)
			          join pg_attribute a on a.attrelid = f.conrelid and a.attnum = k.attnum)) as object,
			       f.conname as name
			 from pg_constraint f join pg_class c on c.oid = f.conrelid join pg_namespace n on n.oid = c.relnamespace
			 where f.contype = 'f' and n.nspname in ${OUR_SCHEMAS} and c.relowner = ${MIGRATOR}
			   and not exists (
			     select 1 from pg_index i
			     where i.indrelid = f.conrelid and i.indpred is null
			       and (string_to_array(i.indkey::text, ' ')::int2[])[1:cardinality(f.conkey)] @> f.conkey
			       and (string_to_array(i.indkey::text, ' ')::int2[])[1:cardinality(f.conkey)] <@ f.conkey)
			 order by 1`
		),
		(r) => `foreign key ${r.name} on ${r.object} has no index that starts with its columns`
	);

	// Columns a policy filters on (col = (select auth.uid()), col in (select …), a helper's
	// argument) are the leading column of some index.
	const leading = new Set(
		(
			await tx.query<Row>(
				`select format('%I.%I.%I', n.nspname, c.relname, a.attname) as col
				 from pg_index i join pg_class c on c.oid = i.indrelid join pg_namespace n on n.oid = c.relnamespace
				 join pg_attribute a on a.attrelid = i.indrelid and a.attnum = i.indkey[0]
				 where i.indpred is null`
			)
		).map((r) => r.col)
	);
	const policyColumns = await tx.query<Row>(
		`select format('%s on %I.%I', quote_ident(p.polname), n.nspname, c.relname) as policy,
		   n.nspname as schema, c.relname as table,
		   coalesce(pg_get_expr(p.polqual, p.polrelid), '') || ' ' ||
		   coalesce(pg_get_expr(p.polwithcheck, p.polrelid), '') as expr,
		   (select json_agg(a.attname) from pg_attribute a
		    where a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped)::text as columns
		 from pg_policy p join pg_class c on c.oid = p.polrelid join pg_namespace n on n.oid = c.relnamespace
		 where n.nspname in ${OUR_SCHEMAS}`
	);
	const seen = new Set<string>();
	for (const p of policyColumns) {
		for (const col of JSON.parse(p.columns) as string[]) {
			const name = `(?:${p.table}\\.)?${col}`;
			const filters = [
				`\\(${name} = \\( SELECT \\(?auth\\.`,
				`\\( SELECT auth\\.\\w+\\(\\) AS \\w+\\) = ${name}\\)`,
				`\\(${name} IN \\( SELECT `,
				`private\\.\\w+\\(${name}\\)`
			].some((re) => new RegExp(re).test(p.expr));
			const object = `${p.schema}.${p.table}.${col}`;
			if (filters && !leading.has(object) && !seen.has(object)) {
				seen.add(object);
				findings.push({
					rule: 'index',
					object,
					message: `column ${object}, filtered on by policy ${p.policy}, is not the leading column of any index`
				});
			}
		}
	}

	// No TRUNCATE (ignores row-level security), TRIGGER or REFERENCES (nor, on Postgres 17,
	// MAINTAIN: LOCK TABLE) for the API roles, on any table of ours, nor by default later.
	const [{ version }] = await tx.query<{ version: number }>(
		"select current_setting('server_version_num')::int as version"
	);
	const dangerous = [
		'TRUNCATE',
		'TRIGGER',
		'REFERENCES',
		...(version >= 170000 ? ['MAINTAIN'] : [])
	];
	add(
		'dangerous-grant',
		await tx.query<Row>(
			`select format('%I.%I', n.nspname, c.relname) as object, api.role, x.priv
			 from pg_class c join pg_namespace n on n.oid = c.relnamespace
			 cross join ${API_ROLES}
			 cross join (values ${dangerous.map((p) => `('${p}')`).join(', ')}) as x(priv)
			 where c.relkind in ('r', 'p', 'v', 'm', 'f') and n.nspname not in ('pg_catalog', 'information_schema')
			   and n.nspname not like 'pg\\_%' and c.relowner = ${MIGRATOR}
			   and (case when x.priv = 'REFERENCES' then has_any_column_privilege(api.role, c.oid, x.priv)
			             else has_table_privilege(api.role, c.oid, x.priv) end)
			 union all
			 select format('default privileges of %s on tables%s', d.defaclrole::regrole,
			          case when d.defaclnamespace = 0 then '' else ' in schema ' || d.defaclnamespace::regnamespace end),
			        g.grantee::regrole::text, g.privilege_type
			 from pg_default_acl d, aclexplode(d.defaclacl) g
			 where d.defaclobjtype = 'r' and g.privilege_type in ('TRUNCATE', 'TRIGGER', 'REFERENCES', 'MAINTAIN')
			   and g.grantee in (0, 'anon'::regrole, 'authenticated'::regrole)
			 order by 1, 2, 3`
		),
		(r) => `${r.object} grants ${r.priv} to ${r.role}`
	);

	// A sequence behind a table's generated id is advanced (nextval, setval) only by whoever
	// may insert into that table: otherwise a visitor burns or resets the record's numbers.
	add(
		'dangerous-grant',
		await tx.query<Row>(
			`select format('%I.%I', n.nspname, s.relname) as object, api.role, t.relname as owner_table
			 from pg_class s join pg_namespace n on n.oid = s.relnamespace
			 join pg_depend d on d.classid = 'pg_class'::regclass and d.objid = s.oid
			   and d.refclassid = 'pg_class'::regclass and d.deptype in ('a', 'i')
			 join pg_class t on t.oid = d.refobjid
			 cross join ${API_ROLES}
			 where s.relkind = 'S' and ${EXPOSED}
			   and has_sequence_privilege(api.role, s.oid, 'USAGE, UPDATE')
			   and not has_table_privilege(api.role, t.oid, 'INSERT')
			 order by 1, 2`
		),
		(r) => `${r.object} can be advanced by ${r.role}, who may not insert into ${r.owner_table}`
	);

	// Functions are private unless granted: anon executes only what the allow-list names, and
	// new functions are executable by nobody by default.
	const executable = await tx.query<Row>(
		`${FUNCTIONS}
		 where n.nspname in ${OUR_SCHEMAS} and p.proowner = ${MIGRATOR}
		   and has_function_privilege('anon', p.oid, 'EXECUTE')
		 order by 1`
	);
	add(
		'anon-execute',
		executable.filter((r) => !(r.object in anonAllowed)),
		(r) =>
			`function ${r.object} is executable by anon but not on the allow-list (revoke execute … from public, anon)`
	);
	add(
		'anon-execute',
		await tx.query<Row>(
			`select x.object, coalesce(nullif(x.grantee, 0)::regrole::text, 'public') as grantee
			 from (
			   select format('default privileges of %s on functions', r.oid::regrole) as object, g.grantee,
			     g.privilege_type
			   from pg_roles r, aclexplode(coalesce(
			     (select d.defaclacl from pg_default_acl d
			      where d.defaclrole = r.oid and d.defaclobjtype = 'f' and d.defaclnamespace = 0),
			     acldefault('f', r.oid))) g
			   where r.oid = ${MIGRATOR}
			   union all
			   select format('default privileges of %s on functions in schema %I', d.defaclrole::regrole, n.nspname),
			     g.grantee, g.privilege_type
			   from pg_default_acl d join pg_namespace n on n.oid = d.defaclnamespace, aclexplode(d.defaclacl) g
			   where d.defaclrole = ${MIGRATOR} and d.defaclobjtype = 'f') x
			 where x.privilege_type = 'EXECUTE' and x.grantee in (0, 'anon'::regrole, 'authenticated'::regrole)
			 order by 1, 2`
		),
		(r) => `${r.object} make new functions executable by ${r.grantee}`
	);

	// One permissive policy per role and action: two are OR-ed on every row, and a `for all`
	// beside a `for select` is one of them.
	add(
		'duplicate-policy',
		await tx.query<Row>(
			`with expanded as (
			   select p.polrelid, p.polname, cmd, role
			   from pg_policy p
			   cross join lateral unnest(case when p.polcmd = '*' then array['r', 'a', 'w', 'd']
			                                  else array[p.polcmd::text] end) cmd
			   cross join lateral unnest(case when 0::oid = any (p.polroles)
			                                  then array['anon'::regrole::oid, 'authenticated'::regrole::oid]
			                                  else p.polroles end) role
			   where p.polpermissive)
			 select (select format('%I.%I', n.nspname, c.relname) from pg_class c
			         join pg_namespace n on n.oid = c.relnamespace where c.oid = e.polrelid) as object,
			        role::regrole::text as role,
			        case cmd when 'r' then 'SELECT' when 'a' then 'INSERT' when 'w' then 'UPDATE' else 'DELETE' end as cmd,
			        string_agg(quote_ident(e.polname), ', ' order by e.polname) as names
			 from expanded e
			 group by e.polrelid, role, cmd
			 having count(*) > 1
			 order by 1, 2`
		),
		(r) =>
			`table ${r.object}: ${r.cmd} for ${r.role} has several permissive policies (${r.names}); merge them with or`
	);

	// Audit columns (created_at, updated_by, decided_at, added_by, …) are the database's:
	// defaults, triggers and security definer functions write them, never a client.
	add(
		'audit-column',
		(
			await tx.query<Row>(
				`select format('%I.%I.%I', n.nspname, c.relname, a.attname) as object, api.role,
				   string_agg(x.priv, ' and ' order by x.priv) as privs
				 from pg_class c join pg_namespace n on n.oid = c.relnamespace
				 join pg_attribute a on a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped
				 cross join ${API_ROLES}
				 cross join (values ('INSERT'), ('UPDATE')) as x(priv)
				 where ${EXPOSED} and c.relkind in ('r', 'p')
				   and (a.attname in ('created_at', 'created_by', 'updated_at', 'updated_by')
				        or a.attname like '%\\_at' or a.attname like '%\\_by')
				   and has_column_privilege(api.role, c.oid, a.attnum, x.priv)
				 group by 1, 2
				 order by 1, 2`
			)
		).filter((r) => !(r.object in WRITABLE_TIMES)),
		(r) =>
			`audit column ${r.object} allows ${r.privs} by ${r.role}: grant ${r.role} only the columns it writes (grant insert (…), update (…))`
	);

	// Text a person writes straight into a table is refused when blank by the database
	// (issue 16): a check `<table>_<column>_blank`, unless blank is allowed there.
	add(
		'blank-text',
		(await writableTextColumns(tx))
			.filter((c) => !c.guarded && !(c.object in BLANK_ALLOWED))
			.map((c) => ({ object: c.object })),
		(r) =>
			`text column ${r.object} is writable by the API roles without a check refusing blank: add ${r.object.split('.').slice(1).join('_')}_blank (private.is_blank) or list it in BLANK_ALLOWED`
	);

	return findings;
}
