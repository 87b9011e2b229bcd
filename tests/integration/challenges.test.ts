import { beforeAll, expect, it } from 'vitest';
import type { Database, Principal } from '../../src/lib/server/db/database';
import { seedDemo } from '../../src/lib/server/seed';
import {
	answeredShown,
	getChallengeDetail,
	readerDetail
} from '../../src/lib/server/challenges/detail';
import { signedInPage } from '../../src/lib/server/challenges/signed-in-page';
import { applicationsOpenAt } from '../../src/lib/domain/application-window';
import { applyTeams } from '../../src/lib/server/applications/apply-options';
import { challengeWorkshops } from '../../src/lib/server/workshops/list';
import { searchChallenges } from '../../src/lib/server/challenges/list';
import {
	askQuestion,
	answerQuestion,
	mergeQuestion
} from '../../src/lib/server/challenges/questions';
import {
	ReasonRequired,
	saveBasics,
	saveCriteria,
	saveTimetable
} from '../../src/lib/server/challenges/editor';
import { follow } from '../../src/lib/server/challenges/followers';
import { applicationChallenge, liveCoverage } from '../../src/lib/server/applications/editor';
import { listSubmitted } from '../../src/lib/server/applications/screening';
import { candidates } from '../../src/lib/server/workshops/planning';
import { validateTimetable } from '../../src/lib/domain/timetable';
import { criteriaTotals, validateCriteria } from '../../src/lib/domain/criteria';
import { PROCEDURE_STAGES } from '../../src/lib/domain/stages';
import { calendarChallenges, renderCalendar } from '../../src/lib/server/challenges/calendar';
import { getApplication } from '../../src/lib/server/applications/editor';
import { recordSubmission } from '../../src/lib/server/applications/submit';
import { DEMO_LATE_DRAFT } from '../../src/lib/server/seed-applications';
import { DEMO_JURY_CHALLENGE, DEMO_OPEN_SHORTLISTING } from '../../src/lib/server/seed-jury';
import type { ChallengeFilters } from '../../src/lib/domain/challenge';
import { LONG_LIST_LEADS } from '../../src/lib/server/seed-long-list-teams';
import { describeEachDatabase } from './databases';
import { createChallenge, createOrganisation, createUser } from './fixtures';

async function attempt(db: Database, who: Principal, sql: string, params: unknown[] = []) {
	try {
		return (await db.as(who, (tx) => tx.query(sql, params))).length;
	} catch (e) {
		if (/row-level security|permission denied/.test((e as Error).message)) return 'denied';
		throw e;
	}
}

const filters = (f: Partial<ChallengeFilters> = {}): ChallengeFilters => ({
	q: '',
	stage: null,
	organisation: null,
	procedure: null,
	openNow: false,
	sort: 'deadline',
	page: 1,
	...f
});

describeEachDatabase('demo data', (db) => {
	it('seeds once, and every demo timetable and set of criteria is valid', async () => {
		expect(await seedDemo(db(), 'Demo-password-2026!')).toContain('admin@talkoot.example');
		expect(await seedDemo(db(), 'Demo-password-2026!')).toBeNull();
		const { items, total } = await db().as(null, (tx) => searchChallenges(tx, filters()));
		expect(total).toBe(11);
		for (const card of items) {
			const c = (await db().as(null, (tx) => getChallengeDetail(tx, { slug: card.slug }, null)))!;
			const stages = c.stages.map((s) => ({
				...s,
				startsAt: new Date(s.startsAt),
				endsAt: new Date(s.endsAt),
				decisionOn: s.decisionOn ?? null
			}));
			if (stages.length) expect(validateTimetable(c.procedure, stages), c.slug).toEqual([]);
			expect(validateCriteria(c.criteria, c.priceShare), c.slug).toEqual([]);
		}
	});

	it('finishes the worked example selection: three final tenders, two partners', async () => {
		const [row] = await db().service('test: the demo selection', (tx) =>
			tx.query<{ tenders: number; chosen: string[]; partners: number; scores: number }>(
				`select (select count(*)::int from public.final_tenders
				         where challenge_id = $1 and withdrawn_at is null) as tenders,
				   array(select i.team_name from public.decision_items i
				         where i.decision_id = private.current_decision($1, 'selection') and i.chosen
				         order by i.rank) as chosen,
				   (select count(*)::int from private.partner_concept_ids($1)) as partners,
				   (select count(*)::int from public.decision_scores s join public.decision_items i on i.id = s.item_id
				    where i.decision_id = private.current_decision($1, 'selection')) as scores`,
				['20000000-0000-4000-8000-000000000007']
			)
		);
		// Three jurors × five criteria × three tenders frozen; price moves the cheaper ahead.
		expect(row).toEqual({
			tenders: 3,
			chosen: ['Taitotalo Consortium', 'Työote'],
			partners: 2,
			scores: 45
		});
	});

	it('shows the last page for a page past it, never "nothing found" where something is', async () => {
		const search = (f: Partial<ChallengeFilters>) =>
			db().as(null, (tx) => searchChallenges(tx, filters(f)));
		const whole = await search({});
		expect(whole.page).toBe(1);
		for (const page of [2, 5, 1001, 100_000]) {
			const past = await search({ page });
			expect(past, `page ${page}`).toEqual(whole);
		}
		// With a filter that finds some, the same; with one that finds none, the first page.
		const some = await search({ procedure: 'innovation_partnership' });
		expect(some.total).toBeGreaterThan(0);
		expect(await search({ procedure: 'innovation_partnership', page: 3 })).toEqual(some);
		expect(await search({ q: 'zzzzqqqq', page: 3 })).toEqual({ items: [], total: 0, page: 1 });
	});

	it('gives every published demo challenge a full timetable, weighted criteria and requirements', async () => {
		const { items } = await db().as(null, (tx) => searchChallenges(tx, filters()));
		expect(items.length).toBe(11);
		for (const card of items) {
			const c = (await db().as(null, (tx) => getChallengeDetail(tx, { slug: card.slug }, null)))!;
			const stages = c.stages.map((s) => s.stage);
			// Every stage of the procedure, decisions dated and signed where a stage ends in one.
			expect(stages, c.slug).toEqual(expect.arrayContaining([...PROCEDURE_STAGES[c.procedure]]));
			const decided = ['screening', 'shortlisting', 'selection'];
			for (const s of c.stages.filter((s) => decided.includes(s.stage))) {
				expect(s.decisionOn, `${c.slug} ${s.stage}`).toBeTruthy();
				expect(s.signatory?.trim(), `${c.slug} ${s.stage}`).toBeTruthy();
			}
			// Weights: both evaluated stages have criteria; selection quality + price = 100.
			const totals = criteriaTotals(c.criteria);
			expect(totals.shortlisting, c.slug).toBeGreaterThan(0);
			expect(totals.selection + (c.priceShare ?? 0), c.slug).toBe(100);
			expect(c.requirements.length, c.slug).toBeGreaterThan(0);
			for (const r of c.requirements) expect(Object.keys(r.statement).sort()).toContain('fi');
			// Its calendar feed has an event for every stage and every decision.
			const feed = await db().as(null, async (tx) =>
				renderCalendar(c.slug, await calendarChallenges(tx, { id: c.id }), 'en')
			);
			const events = feed.match(/BEGIN:VEVENT/g)?.length ?? 0;
			const decisions = c.stages.filter((s) => s.decisionOn).length;
			expect(events, c.slug).toBeGreaterThanOrEqual(c.stages.length + decisions);
		}
	});

	it('seeds a draft whose deadline has passed; submitting it is refused and changes nothing', async () => {
		const lead = { id: '00000000-0000-4000-8000-000000000009', email: 'lead@osaamissilta.example' };
		const before = await db().as(lead, (tx) => getApplication(tx, DEMO_LATE_DRAFT));
		expect(before).toMatchObject({ status: 'draft', challenge: { open: false } });
		expect(before?.ideas.filter((i) => i.title.trim()).length).toBe(3);
		const outcome = await recordSubmission(db(), lead, DEMO_LATE_DRAFT, before!.version);
		expect(outcome.outcome).toBe('closed');
		const after = await db().as(lead, (tx) => getApplication(tx, DEMO_LATE_DRAFT));
		expect(after).toMatchObject({ status: 'draft', version: before!.version });
	});

	// Every area covered, as the owner's screening of its application says (issue 16, item 4;
	// tests/integration/seed-screening.test.ts): the designer's business design closes it.
	it("shows the demo team's coverage for AI Goes to Work: every area covered", async () => {
		const solver = { id: '00000000-0000-4000-8000-000000000004' };
		const coverage = await db().as(solver, async (tx) => {
			const challenge = (await applicationChallenge(tx, '20000000-0000-4000-8000-000000000001'))!;
			expect(challenge.open).toBe(true);
			return liveCoverage(
				tx,
				'50000000-0000-4000-8000-000000000001',
				[solver.id, '00000000-0000-4000-8000-000000000008'],
				challenge
			);
		});
		expect(coverage?.shortfalls).toEqual([]);
		expect(
			coverage?.areas.find((a) => a.area === 'business_design')?.members.map((m) => m.memberId)
		).toEqual(['00000000-0000-4000-8000-000000000008']);
		expect(coverage?.commonHistoryOk).toBe(true);
	});

	it("submits two demo teams' applications to AI Goes to Work: the owner screens them, a facilitator invites them", async () => {
		const ai = '20000000-0000-4000-8000-000000000001';
		const owner = { id: '00000000-0000-4000-8000-000000000002' };
		const facilitator = { id: '00000000-0000-4000-8000-000000000005' };
		const submitted = await db().as(owner, (tx) => listSubmitted(tx, ai, 'en'));
		expect(submitted.map((a) => a.teamName).sort()).toEqual([
			'Kohtaamo Collective',
			'Osaamissilta'
		]);
		for (const a of submitted) expect(a.digest).toMatch(/^[0-9a-f]{64}$/);
		const { teams } = await db().as(facilitator, (tx) => candidates(tx, ai, 'en'));
		expect(teams).toEqual([
			{ id: '50000000-0000-4000-8000-000000000001', name: 'Kohtaamo Collective', members: 2 },
			{ id: '50000000-0000-4000-8000-000000000002', name: 'Osaamissilta', members: 2 }
		]);
	});

	it('owner@hel.example chairs the Helsinki challenges; member@hel.example is not on their teams', async () => {
		const member = { id: '00000000-0000-4000-8000-000000000007' };
		const teams = await db().service('test: demo teams', (tx) =>
			tx.query<{ slug: string; team: string[] }>(
				`select c.slug, array_agg(p.email || ':' || t.role order by p.email) as team
				 from public.challenges c
				 join public.challenge_team_members t on t.challenge_id = c.id
				 join public.profiles p on p.id = t.user_id
				 where c.organisation_id = '10000000-0000-4000-8000-000000000001'
				 group by c.slug order by c.slug`
			)
		);
		expect(teams.map((t) => t.slug)).toEqual([
			'ai-goes-to-work',
			'digital-job-coaching',
			'employment-training-2020',
			'employment-training-partnership',
			'libraries-for-every-municipality',
			'snow-problem',
			'winter-cycling',
			'youth-guidance-online'
		]);
		for (const t of teams) expect(t.team, t.slug).toEqual(['owner@hel.example:chair']);
		// So the member reads none of AI Goes to Work's applications, though the organisation's.
		expect(
			await db().as(member, (tx) => listSubmitted(tx, '20000000-0000-4000-8000-000000000001', 'en'))
		).toEqual([]);
	});

	it('runs the jury worked example (nine eligible, three jurors, one conflict, all scored) and opens Winter Cycling', async () => {
		const [row] = await db().service('test: the worked example', (tx) =>
			tx.query<{
				submitted: number;
				eligible: number;
				jurors: number;
				conflicts: number;
				scores: number;
			}>(
				`select
				   (select count(*)::int from public.applications where challenge_id = $1 and status = 'submitted') as submitted,
				   (select count(*)::int from public.screening_decisions d join public.applications a on a.id = d.application_id
				    where a.challenge_id = $1 and d.eligible) as eligible,
				   (select count(*)::int from public.jury_members where challenge_id = $1 and stage = 'shortlisting' and accepted_at is not null) as jurors,
				   (select count(*)::int from public.jury_conflicts c join public.jury_members j on j.id = c.juror_id
				    where j.challenge_id = $1 and j.stage = 'shortlisting' and c.conflict) as conflicts,
				   (select count(*)::int from public.jury_scores x join public.jury_members j on j.id = x.juror_id
				    where j.challenge_id = $1 and j.stage = 'shortlisting' and x.state = 'submitted') as scores`,
				[DEMO_JURY_CHALLENGE]
			)
		);
		// 9 items × 3 jurors − the conflicted pair, × 5 criteria.
		expect(row).toEqual({ submitted: 9, eligible: 9, jurors: 3, conflicts: 1, scores: 26 * 5 });
		// Winter Cycling: seven eligible, sealed no more, and no jury yet.
		const [open] = await db().service('test: the open shortlisting', (tx) =>
			tx.query<{ eligible: number; unsealed: boolean; jurors: number }>(
				`select (select count(*)::int from public.screening_decisions d
				         join public.applications a on a.id = d.application_id
				         where a.challenge_id = $1 and d.eligible and a.status = 'submitted') as eligible,
				        private.applications_unsealed($1) as unsealed,
				        (select count(*)::int from public.jury_members where challenge_id = $1) as jurors`,
				[DEMO_OPEN_SHORTLISTING]
			)
		);
		expect(open).toEqual({ eligible: 7, unsealed: true, jurors: 0 });
	});

	it('publishes the worked example’s shortlist: the top five by the jury’s ranking', async () => {
		const rows = await db().service('test: the worked example’s decision', (tx) =>
			tx.query<{ team: string; chosen: boolean; rank: number; scores: number }>(
				`select i.team_name as team, i.chosen, i.rank,
				        (select count(*)::int from public.decision_scores x where x.item_id = i.id) as scores
				 from public.decisions d join public.decision_items i on i.decision_id = d.id
				 where d.challenge_id = $1 and d.stage = 'shortlisting' and d.published_at is not null
				 order by i.rank`,
				[DEMO_JURY_CHALLENGE]
			)
		);
		expect(rows.filter((r) => r.chosen).map((r) => r.rank)).toEqual([1, 2, 3, 4, 5]);
		expect(rows.slice(0, 2).map((r) => r.team)).toEqual(['Työote', 'Taitotalo Consortium']);
		// The frozen scores: every submitted one (the conflicted juror's pair has none).
		expect(rows.reduce((n, r) => n + r.scores, 0)).toBe(26 * 5);
	});

	it('finds challenges by a Finnish, Swedish or English word prefix, and filters', async () => {
		const search = (f: Partial<ChallengeFilters>) =>
			db().as(null, (tx) => searchChallenges(tx, filters(f)));
		expect((await search({ q: 'lumi' })).items.map((c) => c.slug)).toEqual(['snow-problem']);
		expect((await search({ q: 'snö' })).items.map((c) => c.slug)).toEqual(['snow-problem']);
		expect((await search({ q: 'tekoäly' })).items.map((c) => c.slug)).toEqual(['ai-goes-to-work']);
		expect((await search({ q: 'job seekers' })).items.map((c) => c.slug)).toContain(
			'ai-goes-to-work'
		);
		expect((await search({ openNow: true })).items.map((c) => c.slug)).toEqual(['ai-goes-to-work']);
		expect((await search({ procedure: 'innovation_partnership' })).total).toBe(4);
		expect((await search({ organisation: 'city-of-helsinki' })).total).toBe(8);
		expect((await search({ stage: 'applications' })).items.map((c) => c.slug)).toEqual([
			'ai-goes-to-work'
		]);
		// Eleven fit on one page: page 2 is past the last, so the last (the first) is shown.
		expect(await search({ page: 2 })).toEqual(await search({}));
	});

	// A signed-in reader outside a published challenge's organisation is given the visitor's
	// view and their own parts (readerDetail, issue 16). That holds only while it is exactly
	// what RLS shows them: every demo account, every demo challenge, after the solver has
	// asked two questions (one answered since) and follows the challenge. The Apply panel's
	// teams and the workshops too, as they are read on their own.
	it('gives every signed-in reader of a challenge page what RLS shows them', async () => {
		const solver = { id: '00000000-0000-4000-8000-000000000004', email: 'solver@team.example' };
		const owner = { id: '00000000-0000-4000-8000-000000000002', email: 'owner@hel.example' };
		const [asked] = await db().as(null, (tx) =>
			tx.query<{ id: string }>(`select id from public.challenges where slug = 'ai-goes-to-work'`)
		);
		const ask = (text: string) =>
			db().as(solver, async (tx) => {
				const r = await askQuestion(tx, asked.id, text);
				if (!r.ok) throw new Error('questions are closed on the demo challenge');
				return r.id;
			});
		const answered = await ask('May a team of one company apply?');
		await ask('Is the pilot paid by results?');
		expect(
			await db().as(owner, (tx) => answerQuestion(tx, asked.id, answered, 'Yes, it may.'))
		).toBe('answered');
		await db().as(solver, (tx) => follow(tx, asked.id));

		// The long list's 64 leads are left out: each leads one team that applied to one
		// challenge, as the innovation partnership's nine leads do, who are read.
		const people = await db().service('test: the demo accounts', (tx) =>
			tx.query<{ id: string; email: string }>(
				'select id, email from public.profiles where id <> all($1::uuid[]) order by email',
				[LONG_LIST_LEADS]
			)
		);
		const slugs = await db().service('test: the demo challenges', (tx) =>
			tx.query<{ slug: string }>('select distinct slug from public.challenges order by slug')
		);
		let readers = 0;
		let ownParts = 0;
		for (const { slug } of slugs) {
			const visitor = await db().as(null, (tx) => getChallengeDetail(tx, { slug }, null));
			const publicAnswers =
				visitor && (await db().as(null, (tx) => answeredShown(tx, visitor.id, 1)));
			for (const person of people) {
				const p = { ...person, aal: 'aal2' as const };
				const whole = await db().as(p, (tx) => getChallengeDetail(tx, { slug }, p.id));
				// As the page reads it: scoped to the published challenge (Database.scopedTo).
				const page = await (visitor ? db().scopedTo(visitor.id) : db()).as(p, (tx) =>
					signedInPage(tx, slug, p.id, visitor, 'fi')
				);
				expect(page?.challenge ?? null, `${p.email} on ${slug}`).toEqual(whole);
				if (whole) {
					const [teams, workshops] = await db().as(p, (tx) =>
						Promise.all([
							applicationsOpenAt(whole.stages, new Date())
								? applyTeams(tx, whole.id, p.id, 'fi')
								: null,
							challengeWorkshops(tx, whole.id)
						])
					);
					expect(page, `${p.email} on ${slug}: panels`).toMatchObject({ teams, workshops });
				}
				if (!visitor || !whole) continue;
				// Every reader's answered questions come from the visitor cache (visitorAnswers).
				expect(
					await db().as(p, (tx) => answeredShown(tx, visitor.id, 1)),
					`${p.email} on ${slug}: answered questions`
				).toEqual(publicAnswers);
				const reader = await db().as(p, (tx) => readerDetail(tx, visitor, p.id));
				if (!reader) {
					expect(whole.canManage, `${p.email} on ${slug}`).toBe(true);
					continue;
				}
				readers++;
				if (reader.following && reader.questions.some((q) => q.mine && !q.answer)) ownParts++;
			}
		}
		// Not a vacuous check: most pairs take the reader's way, the solver's with own parts.
		expect(readers).toBeGreaterThan(people.length * 5);
		expect(ownParts).toBe(1);
	});
});

describeEachDatabase('challenge row-level security', (db) => {
	let owner: { id: string; email: string };
	let member: { id: string; email: string };
	let otherOwner: { id: string; email: string };
	let outsider: { id: string; email: string };
	let asker: { id: string; email: string };
	let org: { id: string };
	let draft: { id: string };
	let published: { id: string };

	beforeAll(async () => {
		owner = await createUser(db(), 'Owner');
		member = await createUser(db(), 'Member');
		otherOwner = await createUser(db(), 'Other Owner');
		outsider = await createUser(db(), 'Outsider');
		asker = await createUser(db(), 'Asker');
		org = await createOrganisation(db(), owner.id, [member.id]);
		await createOrganisation(db(), otherOwner.id);
		draft = await createChallenge(db(), org.id, 'draft');
		published = await createChallenge(db(), org.id, 'published');
		for (const c of [draft, published]) {
			await db().service('test', async (tx) => {
				await tx.query(
					`insert into challenge_stages (challenge_id, stage, starts_at, ends_at)
					 values ($1, 'applications', now() - interval '1 day', now() + interval '10 days')`,
					[c.id]
				);
				await tx.query(
					`insert into challenge_criteria (challenge_id, stage, position, name, max_points) values ($1, 'selection', 1, '{"fi":"x"}', 10)`,
					[c.id]
				);
				await tx.query(
					`insert into challenge_requirements (challenge_id, position, statement) values ($1, 1, '{"fi":"x"}')`,
					[c.id]
				);
				await tx.query(
					`insert into challenge_amendments (challenge_id, reason, changes) values ($1, 'r', '[]')`,
					[c.id]
				);
			});
		}
	});

	const who = () =>
		({ anon: null, outsider, otherOwner, asker, member, owner }) as Record<string, Principal>;

	it.each([
		'challenge_stages',
		'challenge_criteria',
		'challenge_requirements',
		'challenge_amendments'
	])(
		'%s: everyone reads the published challenge’s rows, only its organisation the draft’s',
		async (table) => {
			const select = `select 1 from ${table} where challenge_id = $1`;
			for (const [name, principal] of Object.entries(who())) {
				expect(await attempt(db(), principal, select, [published.id]), name).toBe(1);
				const canSeeDraft = name === 'member' || name === 'owner';
				expect(await attempt(db(), principal, select, [draft.id]), name).toBe(canSeeDraft ? 1 : 0);
			}
		}
	);

	// The list page gives signed-in readers the visitor's list (visitorList, issue 16):
	// that holds only while RLS shows them no more of it than a visitor, drafts included.
	it('lists for everyone, the draft’s own organisation too, what a visitor sees', async () => {
		for (const f of [filters(), filters({ sort: 'newest' }), filters({ openNow: true })]) {
			const visitor = await db().as(null, (tx) => searchChallenges(tx, f));
			expect(visitor.items.map((c) => c.id)).toContain(published.id);
			for (const [name, principal] of Object.entries(who()))
				expect(await db().as(principal, (tx) => searchChallenges(tx, f)), name).toEqual(visitor);
		}
	});

	it.each(['challenge_stages', 'challenge_criteria', 'challenge_requirements'])(
		'%s: only the challenge team changes a draft’s rows; a published challenge’s only by amendment',
		async (table) => {
			for (const [name, principal] of Object.entries(who())) {
				for (const challenge of [draft, published]) {
					const deleted = await db()
						.as(principal, async (tx) => {
							const rows = await tx.query(
								`delete from ${table} where challenge_id = $1 returning 1`,
								[challenge.id]
							);
							throw Object.assign(new Error('rollback'), { rows: rows.length });
						})
						.catch(
							(e: Error & { rows?: number }) =>
								e.rows ?? (/permission denied/.test(e.message) ? 'denied' : e.message)
						);
					// The owner chairs the team (fixture: the organisation's owners); the member is
					// in the organisation but not on the team; others do not see a draft's rows.
					// Visitors hold no delete privilege at all (no policy for them): refused outright.
					const expected =
						name === 'anon'
							? 'denied'
							: challenge === published
								? name === 'owner' || name === 'member'
									? 'denied'
									: 0
								: name === 'owner'
									? 1
									: name === 'member'
										? 'denied'
										: 0;
					expect(
						deleted,
						`${name} deletes from the ${challenge === draft ? 'draft' : 'published'}`
					).toBe(expected);
				}
			}
		}
	);

	it('amendments are never updated or deleted, and nobody inserts one directly', async () => {
		expect(
			await attempt(db(), owner, "update challenge_amendments set reason = 'x' returning 1")
		).toBe('denied');
		expect(await attempt(db(), owner, 'delete from challenge_amendments returning 1')).toBe(
			'denied'
		);
		const insert = `insert into challenge_amendments (challenge_id, author_id, reason, changes) values ($1, $2, 'why', '[]') returning 1`;
		expect(await attempt(db(), outsider, insert, [published.id, outsider.id])).toBe('denied');
		expect(await attempt(db(), member, insert, [published.id, owner.id])).toBe('denied');
		expect(await attempt(db(), owner, insert, [published.id, owner.id])).toBe('denied');
	});

	it('questions: answered ones public without the asker; unanswered only for asker and the organisation; the team answers', async () => {
		const id = await db().as(asker, async (tx) => {
			const r = await askQuestion(tx, published.id, 'Can a team have members from two companies?');
			if (!r.ok) throw new Error('closed');
			return r.id;
		});
		const select = 'select 1 from challenge_questions where id = $1';
		const askers = 'select asker_id from challenge_question_askers where question_id = $1';
		expect(await attempt(db(), null, select, [id])).toBe(0);
		expect(await attempt(db(), outsider, select, [id])).toBe(0);
		expect(await attempt(db(), otherOwner, select, [id])).toBe(0);
		expect(await attempt(db(), asker, select, [id])).toBe(1);
		expect(await attempt(db(), member, select, [id])).toBe(1);
		expect(await attempt(db(), outsider, askers, [id])).toBe(0);
		// Who asked is the challenge team's to know, not the whole organisation's.
		expect(await attempt(db(), member, askers, [id])).toBe(0);
		expect(await attempt(db(), owner, askers, [id])).toBe(1);
		expect(await attempt(db(), asker, askers, [id])).toBe(1);

		// Nobody but the owners answers; then everyone sees it, and still not who asked.
		const answer = (who: typeof owner, text: string) =>
			db().as(who, (tx) => answerQuestion(tx, published.id, id, text));
		expect(await answer(outsider, 'No')).toBe('unknown');
		expect(await answer(asker, 'Yes I can')).toBe('unknown');
		// A member of the organisation off the challenge's team neither (item 24).
		expect(await answer(member, 'Maybe')).toBe('unknown');
		// The question of another challenge is refused before anything is written.
		expect(await db().as(owner, (tx) => answerQuestion(tx, draft.id, id, 'Wrong page'))).toBe(
			'unknown'
		);
		expect(await attempt(db(), null, select, [id])).toBe(0);
		// Issue 17: only invisible characters are no answer, nor a question, by a direct call.
		await expect(answer(owner, '\u200b\u00a0 \u2060')).rejects.toMatchObject({ code: '22023' });
		await expect(
			db().as(asker, (tx) =>
				tx.query('select public.ask_question($1, $2)', [published.id, '\u200b\u2060'])
			)
		).rejects.toMatchObject({ code: '22023' });
		expect(await answer(owner, 'Yes.')).toBe('answered');
		expect(await attempt(db(), null, select, [id])).toBe(1);
		expect(await attempt(db(), outsider, select, [id])).toBe(1);
		expect(await attempt(db(), outsider, askers, [id])).toBe(0);
		expect(await attempt(db(), null, askers, [id])).toBe(0);
		// Nobody deletes an answered question.
		expect(
			await attempt(db(), owner, 'delete from challenge_questions where id = $1 returning 1', [id])
		).toBe(0);
	});

	it('questions: anonymous visitors cannot ask, nobody inserts directly, and asking closes with the deadline', async () => {
		expect(
			await attempt(db(), null, 'select public.ask_question($1, $2)', [published.id, 'x'])
		).toBe('denied');
		expect(
			await attempt(
				db(),
				outsider,
				'insert into challenge_questions (challenge_id, body) values ($1, $2) returning 1',
				[published.id, 'x']
			)
		).toBe('denied');
		expect(await db().as(outsider, (tx) => askQuestion(tx, draft.id, 'On a draft?'))).toEqual({
			ok: false,
			reason: 'closed'
		});
		await db().service('test', (tx) =>
			tx.query(
				`update challenge_stages set starts_at = now() - interval '2 days', ends_at = now() - interval '1 second' where challenge_id = $1`,
				[published.id]
			)
		);
		expect(await db().as(outsider, (tx) => askQuestion(tx, published.id, 'Too late?'))).toEqual({
			ok: false,
			reason: 'closed'
		});
		await db().service('test', (tx) =>
			tx.query(
				`update challenge_stages set ends_at = now() + interval '10 days' where challenge_id = $1`,
				[published.id]
			)
		);
	});

	it('duplicates merge into a question of the same challenge only', async () => {
		const ask = (text: string, c = published.id) =>
			db().as(asker, async (tx) => {
				const r = await askQuestion(tx, c, text);
				return r.ok ? r.id : '';
			});
		const a = await ask('Is there a budget?');
		const b = await ask('What is the budget?');
		expect(await db().as(outsider, (tx) => mergeQuestion(tx, published.id, b, a))).toBe(false);
		expect(await db().as(owner, (tx) => mergeQuestion(tx, published.id, b, b))).toBe(false);
		expect(await db().as(owner, (tx) => mergeQuestion(tx, draft.id, b, a))).toBe(false);
		expect(await db().as(owner, (tx) => mergeQuestion(tx, published.id, b, a))).toBe(true);
	});

	it('followers: people follow published challenges as themselves; owners see only a count', async () => {
		await db().as(outsider, (tx) => follow(tx, published.id));
		expect(
			await attempt(
				db(),
				outsider,
				'insert into challenge_followers (challenge_id) values ($1) returning 1',
				[draft.id]
			)
		).toBe('denied');
		expect(
			await attempt(
				db(),
				outsider,
				'insert into challenge_followers (challenge_id, user_id) values ($1, $2) returning 1',
				[published.id, asker.id]
			)
		).toBe('denied');
		expect(
			await attempt(db(), owner, 'select 1 from challenge_followers where challenge_id = $1', [
				published.id
			])
		).toBe(0);
		const count = (p: Principal) =>
			db().as(p, (tx) =>
				tx.query<{ n: number | null }>('select public.challenge_follower_count($1) as n', [
					published.id
				])
			);
		expect((await count(owner))[0].n).toBe(1);
		expect((await count(outsider))[0].n).toBeNull();
	});

	it('calendar feeds belong to their owner alone', async () => {
		const token = 'a'.repeat(32);
		expect(
			await attempt(db(), outsider, 'insert into calendar_feeds (token) values ($1) returning 1', [
				token
			])
		).toBe(1);
		expect(
			await attempt(db(), owner, 'select 1 from calendar_feeds where token = $1', [token])
		).toBe(0);
		expect(
			await attempt(
				db(),
				owner,
				'insert into calendar_feeds (user_id, token) values ($1, $2) returning 1',
				[outsider.id, 'b'.repeat(32)]
			)
		).toBe('denied');
		expect(await attempt(db(), null, 'select 1 from calendar_feeds')).toBe('denied');
	});
});

describeEachDatabase('editing a published challenge', (db) => {
	it('records every change as an amendment with who and why, and refuses a change without a reason', async () => {
		const owner = await createUser(db(), 'Olli Owner');
		const org = await createOrganisation(db(), owner.id);
		const { id } = await createChallenge(db(), org.id, 'published');
		const editor = { id: owner.id, name: 'Olli Owner' };
		const basics = {
			primaryLocale: 'fi' as const,
			procedure: 'open_challenge' as const,
			title: { fi: 'Uusi otsikko' },
			summary: { fi: 'Tiivistelmä' },
			body: {},
			contactName: 'Olli',
			contactEmail: 'olli@test.example'
		};
		await expect(
			db().as(owner, (tx) => saveBasics(tx, editor, id, basics, ''))
		).rejects.toBeInstanceOf(ReasonRequired);
		const [{ title }] = await db().service('t', (tx) =>
			tx.query<{ title: object }>('select title from challenges where id = $1', [id])
		);
		expect(title).not.toEqual({ fi: 'Uusi otsikko' });

		// The owner uses the app in English: the reason keeps that language (WCAG 3.1.2).
		await db().service('test: the owner writes in English', (tx) =>
			tx.query("update public.profiles set locale = 'en' where id = $1", [owner.id])
		);
		const result = await db().as(owner, (tx) =>
			saveBasics(tx, editor, id, basics, 'Clearer title')
		);
		expect(result?.amended).toBe(true);
		expect(result?.changes.map((c) => c.field)).toEqual([
			'contact_email',
			'contact_name',
			'summary',
			'title'
		]);
		const windows = [
			{
				stage: 'applications' as const,
				startsAt: new Date('2030-01-01T08:00:00Z'),
				endsAt: new Date('2030-02-01T14:00:00Z')
			}
		];
		await db().as(owner, (tx) => saveTimetable(tx, editor, id, windows, 'Dates set'));
		// Saving the same again changes nothing and records nothing.
		expect(
			(await db().as(owner, (tx) => saveTimetable(tx, editor, id, windows, '')))?.amended
		).toBe(false);
		await db().as(owner, (tx) =>
			saveCriteria(
				tx,
				editor,
				id,
				{
					criteria: [{ stage: 'selection', name: { fi: 'Laatu' }, description: {}, maxPoints: 70 }],
					priceShare: 30
				},
				'Criteria'
			)
		);

		const detail = await db().as(null, (tx) => getChallengeDetail(tx, { id }, null));
		expect(detail?.amendments.map((a) => [a.reason, a.authorName, a.lang])).toEqual([
			['Criteria', 'Olli Owner', 'en'],
			['Dates set', 'Olli Owner', 'en'],
			['Clearer title', 'Olli Owner', 'en']
		]);
		expect(detail?.amendments[0].changes.map((c) => c.field)).toEqual(['criteria', 'price_share']);

		const outsider = await createUser(db(), 'Outsider');
		expect(
			await db().as(outsider, (tx) =>
				saveBasics(tx, { id: outsider.id, name: 'x' }, id, basics, 'hijack')
			)
		).toBeNull();
	});
});
