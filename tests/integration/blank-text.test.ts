import { isHttpError } from '@sveltejs/kit';
import { beforeAll, describe, expect, it } from 'vitest';
import { m } from '../../src/lib/paraglide/messages';
import { paraglideMiddleware } from '../../src/lib/paraglide/server';
import { blankViolation } from '../../src/lib/server/db/errors';
import { databaseErrorAsHttp } from '../../src/lib/server/http/conflict';
import { updateTeam } from '../../src/lib/server/teams';
import { createAccessWorld, principals, type AccessWorld, type Role } from './access-world';
import { attempt } from './attempt';
import { describeEachDatabase } from './databases';
import { BLANK_ALLOWED, writableTextColumns } from './db-lint';

/**
 * Blank text written straight into a table, as Supabase's Data API lets a person write it
 * past the forms, is refused by the database (issue 16;
 * supabase/migrations/20261216000200_blank_direct_writes.sql).
 */

interface Write {
	/** Who the policies let write it. */
	who: Role;
	/**
	 * The write, its text as $1 (put in a list or a text in languages where the column is
	 * one). Without it: `update <table> set <column> = <value> where id = <row> returning id`.
	 */
	sql?: string;
	params?: (w: AccessWorld) => unknown[];
	row?: (w: AccessWorld) => string;
	/** The value the update sets, of $1; $1 itself unless given. */
	value?: string;
	/** Rows the write returns when it goes through (a visitor's feedback returns none). */
	rows?: number;
	/** '' means "not given" here, so only whitespace and invisible text are refused. */
	emptyAllowed?: true;
	/**
	 * A trigger leaves out whitespace ('' and '   ': the write returns its row only when the
	 * text is left out); invisible text, which it keeps, is refused.
	 */
	whitespaceLeftOut?: true;
}

const PDF = '00000000-0000-4000-8000-00000000abcd.pdf';
/** A text in languages whose Swedish text is $1 (a language without text is left out). */
const IN_LANGUAGES = `jsonb_build_object('fi', 'Näkyvä', 'sv', $1::text)`;
const LATER = `now() + interval '1 day', now() + interval '30 days'`;

/** Every text column the API roles may write where blank is refused (the rest: BLANK_ALLOWED). */
const WRITES: Record<string, Write> = {
	'public.accessibility_feedback.message': {
		who: 'anon',
		sql: 'insert into accessibility_feedback (message) values ($1)',
		rows: 0
	},
	'public.application_documents.file_name': {
		who: 'lead',
		sql: `insert into application_documents (application_id, file_key, file_name, mime, size)
		      values ($2, $3, $1, 'application/pdf', 1) returning id`,
		params: (w) => [w.draftA.id, PDF]
	},
	'public.application_documents.mime': {
		who: 'lead',
		sql: `insert into application_documents (application_id, file_key, file_name, mime, size)
		      values ($2, $3, 'liite.pdf', $1, 1) returning id`,
		params: (w) => [w.draftA.id, PDF]
	},
	'public.challenge_criteria.name': {
		who: 'owner',
		sql: `insert into challenge_criteria (challenge_id, stage, position, name, max_points)
		      values ($2, 'selection', 1, ${IN_LANGUAGES}, 10) returning id`,
		params: (w) => [w.draft.id]
	},
	'public.challenge_criteria.description': {
		who: 'owner',
		sql: `insert into challenge_criteria (challenge_id, stage, position, name, description, max_points)
		      values ($2, 'selection', 1, '{"fi": "Hinta"}', ${IN_LANGUAGES}, 10) returning id`,
		params: (w) => [w.draft.id]
	},
	'public.challenge_requirements.statement': {
		who: 'owner',
		sql: `insert into challenge_requirements (challenge_id, position, statement)
		      values ($2, 1, ${IN_LANGUAGES}) returning id`,
		params: (w) => [w.draft.id]
	},
	'public.challenge_stages.signatory': {
		who: 'owner',
		sql: `insert into challenge_stages (challenge_id, stage, starts_at, ends_at, signatory)
		      values ($2, 'market_dialogue', ${LATER}, $1) returning stage`,
		params: (w) => [w.draft.id]
	},
	'public.challenges.title': {
		who: 'owner',
		row: (w) => w.draft.id,
		value: `jsonb_build_object(primary_locale, $1::text)`
	},
	'public.challenges.summary': { who: 'owner', row: (w) => w.draft.id, value: IN_LANGUAGES },
	'public.challenges.body': { who: 'owner', row: (w) => w.draft.id, value: IN_LANGUAGES },
	'public.challenges.rewards': { who: 'owner', row: (w) => w.draft.id, value: IN_LANGUAGES },
	'public.challenges.competence_areas': {
		who: 'owner',
		row: (w) => w.draft.id,
		value: `array['Ohjelmistot', $1::text]`
	},
	'public.organisations.name': { who: 'owner', row: (w) => w.org.id },
	'public.organisations.names': {
		who: 'owner',
		sql: `with u as (update organisations set names = names || jsonb_build_object('sv', $1::text)
		                 where id = $2 returning names)
		      select 1 from u where $1 = 'Näkyvä teksti' or not u.names ? 'sv'`,
		params: (w) => [w.org.id],
		whitespaceLeftOut: true
	},
	'public.profiles.display_name': { who: 'lead', row: (w) => w.lead.id, emptyAllowed: true },
	'public.team_projects.title': { who: 'lead', row: (w) => w.project },
	'public.teams.name': { who: 'lead', row: (w) => w.teamA.id },
	'public.teams.home_organisations': {
		who: 'lead',
		row: (w) => w.teamA.id,
		value: `array['Aalto', $1::text]`
	},
	'public.work_entries.area': { who: 'lead', row: (w) => w.leadEntry },
	'public.work_entries.organisation': { who: 'lead', row: (w) => w.leadEntry },
	'public.work_entries.role': { who: 'lead', row: (w) => w.leadEntry },
	'public.workshops.title': { who: 'facilitator', row: (w) => w.workshop },
	'public.workshops.agenda': {
		who: 'facilitator',
		sql: `insert into workshops (challenge_id, title, starts_at, agenda)
		      values ($2, 'Toinen', now(), jsonb_build_array(jsonb_build_object(
		        'kind', 'ideate', 'title', ${IN_LANGUAGES}, 'minutes', 5))) returning id`,
		params: (w) => [w.challenge.id]
	}
};

/** Text that shows nothing: spaces, and a zero-width space with a word joiner (Cf). */
const BLANKS = ['   ', '\u200b\u2060'];

describeEachDatabase('blank text written directly', (db) => {
	let w: AccessWorld;

	beforeAll(async () => {
		w = await createAccessWorld(db());
	});

	it('the list names every text column the API roles may write, but those allowed blank', async () => {
		const columns = await db().service('test: writable text columns', (tx) =>
			writableTextColumns(tx)
		);
		const refusing = columns.map((c) => c.object).filter((c) => !(c in BLANK_ALLOWED));
		expect(Object.keys(WRITES).sort(), 'columns in WRITES').toEqual(refusing);
		for (const allowed of Object.keys(BLANK_ALLOWED))
			expect(
				columns.map((c) => c.object),
				'BLANK_ALLOWED names a writable column'
			).toContain(allowed);
	});

	describe.each(Object.entries(WRITES))('%s', (column, write) => {
		const [, table, name] = column.split('.');
		const sql =
			write.sql ??
			`update ${table} set ${name} = ${write.value ?? '$1'} where id = $2 returning id`;
		const params = (w: AccessWorld) => (write.row ? [write.row(w)] : (write.params?.(w) ?? []));
		const run = (text: string) =>
			attempt(db(), principals(w)[write.who], sql, [text, ...params(w)], { rollback: true });
		const constraint = `${table}_${name}_blank`;

		it('takes visible text', async () => {
			expect(await run('Näkyvä teksti')).toBe(write.rows ?? 1);
		});

		const leftOut = (text: string) => write.whitespaceLeftOut && text.trim() === '';
		const allowed = (text: string) => (text === '' && write.emptyAllowed) || leftOut(text);

		it.each(['', ...BLANKS])('%j: refused, unless it means not given', async (blank) => {
			const outcome = await run(blank).catch((e: unknown) => e);
			if (allowed(blank)) expect(outcome, String(outcome)).toBe(write.rows ?? 1);
			else expect(blankViolation(outcome)?.constraint, String(outcome)).toBe(constraint);
		});
	});

	it("a form's write refused as blank answers 422 in the person's language, not a 500", async () => {
		// The team form refuses a blank name itself (isBlank); past it, what the request's
		// database answers (the mapping hooks.server.ts installs) is the words, in Swedish here.
		const request = new Request('http://localhost/teams', {
			headers: { cookie: 'PARAGLIDE_LOCALE=sv' }
		});
		const failure = await paraglideMiddleware(request, () =>
			db()
				.mappingErrors(databaseErrorAsHttp)
				.as(w.lead, (tx) =>
					updateTeam(tx, w.teamA.id, { name: '\u200b\u2060', description: '', organisations: [] })
				)
				.then(() => new Response())
		).catch((e: unknown) => e);
		expect(isHttpError(failure, 422), String(failure)).toBe(true);
		const words = (failure as { body: { message: string } }).body.message;
		expect(words).toBe(m.error_text_blank({}, { locale: 'sv' }));
		expect(words).not.toMatch(/teams|_blank|23514/);
	});

	it('a sign-up whose name is blank gets the next name it brings, else none', async () => {
		const names = await db().service('test: sign-ups with blank names', async (tx) => {
			const signUp = async (meta: Record<string, string>) => {
				const [user] = await tx.query<{ id: string }>(
					'insert into auth.users (email, raw_user_meta_data) values ($1, $2) returning id',
					[`${crypto.randomUUID()}@blank.example`, meta]
				);
				const [profile] = await tx.query<{ name: string }>(
					'select display_name as name from public.profiles where id = $1',
					[user.id]
				);
				return profile.name;
			};
			return [
				await signUp({ display_name: '\u200b\u2060', full_name: 'Fanny Full' }),
				await signUp({ display_name: '   ', name: '\u2060' })
			];
		});
		expect(names).toEqual(['Fanny Full', '']);
	});
});
