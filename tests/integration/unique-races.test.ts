import { isHttpError } from '@sveltejs/kit';
import { beforeAll, expect, it } from 'vitest';
import type { Basics } from '../../src/lib/domain/challenge-schemas';
import { startApplication } from '../../src/lib/server/applications/editor';
import { challengeIdBySlug } from '../../src/lib/server/challenges/detail';
import { createDraft } from '../../src/lib/server/challenges/editor';
import { follow } from '../../src/lib/server/challenges/followers';
import { databaseErrorAsHttp } from '../../src/lib/server/http/conflict';
import {
	addMember,
	createOrganisation as newOrganisation
} from '../../src/lib/server/organisations';
import { acceptInvitation, inviteMember } from '../../src/lib/server/teams';
import { createTeamWith, createOpenChallenge } from './application-fixtures';
import { describeEachDatabase } from './databases';
import { invitationToken } from './mail-helpers';
import { createOrganisation, createUser } from './fixtures';

// Issue 11, item 2: check-then-insert races and unique keys hidden by row-level security
// answered 500. On Postgres every request below runs on its own pooled connection at the
// same time (Promise.all); on PGlite they queue, which must give the same answers.

const basics = (title: string): Basics => ({
	primaryLocale: 'fi',
	procedure: 'open_challenge',
	title: { fi: title },
	summary: {},
	body: {},
	contactName: '',
	contactEmail: ''
});

/** Runs the same request `n` times at once; the answers in order. */
const atOnce = <T>(n: number, request: (i: number) => Promise<T>) =>
	Promise.all(Array.from({ length: n }, (_, i) => request(i)));

describeEachDatabase('unique keys decided by the insert (issue 11, item 2)', (db) => {
	let aaltoOwner: { id: string; email: string };
	let helsinkiOwner: { id: string; email: string };
	let aalto: { id: string; slug: string };
	let helsinki: { id: string };
	const title = () => `Sama otsikko ${Math.random().toString(36).slice(2, 8)}`;

	beforeAll(async () => {
		aaltoOwner = await createUser(db(), 'Aalto Owner');
		helsinkiOwner = await createUser(db(), 'Helsinki Owner');
		aalto = await createOrganisation(db(), aaltoOwner.id);
		helsinki = await createOrganisation(db(), helsinkiOwner.id);
	});

	/** Publishes the challenge as publish_challenge does (status and date); its slug after. */
	const publish = async (id: string) => {
		const [row] = await db().service('test: publish', (tx) =>
			tx.query<{ slug: string }>(
				`update public.challenges set status = 'published', published_at = now()
				 where id = $1 returning slug`,
				[id]
			)
		);
		return row.slug;
	};

	it("a title another organisation's hidden draft has: the same slug, so nothing tells", async () => {
		const same = title();
		const hidden = await db().as(aaltoOwner, (tx) => createDraft(tx, aalto.id, basics(same)));
		// Helsinki cannot see the draft …
		const [visible] = await db().as(helsinkiOwner, (tx) =>
			tx.query('select 1 from public.challenges where slug = $1', [hidden.slug])
		);
		expect(visible).toBeUndefined();
		// … and creating (and retrying) with the same title gets the slug it would get if
		// the draft did not exist: before, "-2" and "-3" told Helsinki that it does.
		const first = await db().as(helsinkiOwner, (tx) => createDraft(tx, helsinki.id, basics(same)));
		const retry = await db().as(helsinkiOwner, (tx) => createDraft(tx, helsinki.id, basics(same)));
		expect(first.slug).toBe(hidden.slug);
		expect(retry.slug).toBe(hidden.slug);
		// Publishing takes the slug, the hidden draft holds nothing; a draft published
		// after it gets "-2", which tells only of what is public.
		expect(await publish(first.id)).toBe(hidden.slug);
		expect(await publish(hidden.id)).toBe(`${hidden.slug}-2`);
		expect(await publish(retry.id)).toBe(`${hidden.slug}-3`);
		// The page address shows the published challenge, also to whoever has drafts there.
		const draft = await db().as(helsinkiOwner, (tx) => createDraft(tx, helsinki.id, basics(same)));
		expect(draft.slug).toBe(hidden.slug);
		expect(await db().as(helsinkiOwner, (tx) => challengeIdBySlug(tx, hidden.slug))).toBe(first.id);
	});

	it('five creations with one title at once: five drafts; published at once: five slugs', async () => {
		const same = title();
		const created = await atOnce(5, () =>
			db().as(helsinkiOwner, (tx) => createDraft(tx, helsinki.id, basics(same)))
		);
		expect(new Set(created.map((c) => c.id)).size).toBe(5);
		const base = created[0].slug;
		expect(created.map((c) => c.slug)).toEqual(Array(5).fill(base));
		const published = await atOnce(5, (i) => publish(created[i].id));
		expect(published.sort()).toEqual(
			[base, `${base}-2`, `${base}-3`, `${base}-4`, `${base}-5`].sort()
		);
	});

	it('a slug given straight to the table (Data API) is made free among published ones', async () => {
		const taken = await db().as(aaltoOwner, (tx) => createDraft(tx, aalto.id, basics(title())));
		await publish(taken.id);
		const [row] = await db().service('test: published insert', (tx) =>
			tx.query<{ slug: string }>(
				`insert into public.challenges (organisation_id, slug, title, status, published_at)
				 values ($1, $2, '{"fi": "x"}', 'published', now()) returning slug`,
				[helsinki.id, taken.slug]
			)
		);
		expect(row.slug).toBe(`${taken.slug}-2`);
		// A draft keeps the slug it asks for.
		const [draft] = await db().as(helsinkiOwner, (tx) =>
			tx.query<{ slug: string }>(
				`insert into public.challenges (organisation_id, slug, title) values ($1, $2, '{"fi": "x"}')
				 returning slug`,
				[helsinki.id, taken.slug]
			)
		);
		expect(draft.slug).toBe(taken.slug);
	});

	it('members applying at once, several times each, all land on one draft', async () => {
		const lead = await createUser(db(), 'Lead');
		const mate = await createUser(db(), 'Mate');
		const team = await createTeamWith(db(), lead.id, [mate.id]);
		const challenge = await createOpenChallenge(db(), helsinki.id);
		const answers = await atOnce(6, (i) =>
			db().as(i % 2 ? mate : lead, (tx) => startApplication(tx, challenge.id, team.id))
		);
		const ids = new Set(answers.map((a) => a.id));
		expect(ids.size).toBe(1);
		expect(answers.filter((a) => a.ok).length).toBe(1);
		const [count] = await db().service('test: count', (tx) =>
			tx.query<{ n: number }>(
				'select count(*)::int as n from public.applications where challenge_id = $1',
				[challenge.id]
			)
		);
		expect(count.n).toBe(1);
	});

	it('two invitations to one address accepted at once: joined once, no error', async () => {
		const lead = await createUser(db(), 'Lead');
		const invitee = await createUser(db(), 'Invitee');
		const team = await createTeamWith(db(), lead.id);
		const tokens: string[] = [];
		for (let i = 0; i < 2; i++) {
			// A second invitation replaces an open one: accept the first before the next.
			const invited = await db().as(lead, (tx) => inviteMember(tx, team.id, invitee.email));
			if (!invited.ok) throw new Error(invited.reason);
			tokens.push(await invitationToken(db(), invitee.email));
			await db().service('test: keep open', (tx) =>
				tx.query(
					`update public.team_invitations set email = 'someone-else@test.example'
					 where team_id = $1 and accepted_at is null`,
					[team.id]
				)
			);
		}
		await db().service('test: both open', (tx) =>
			tx.query(`update public.team_invitations set email = $2 where team_id = $1`, [
				team.id,
				invitee.email
			])
		);
		const results = await atOnce(2, (i) =>
			db().as(invitee, (tx) => acceptInvitation(tx, tokens[i]))
		);
		expect(results.map((r) => r.result).sort()).toEqual(['already_member', 'joined']);
	});

	it('following, adding a member and creating an organisation at once never collide', async () => {
		const admin = await createUser(db(), 'Admin', { admin: true });
		const member = await createUser(db(), 'Member');
		const challenge = await createOpenChallenge(db(), helsinki.id);
		await atOnce(3, () => db().as(member, (tx) => follow(tx, challenge.id)));
		const added = await atOnce(3, () =>
			db().as(helsinkiOwner, (tx) => addMember(tx, helsinki.id, member.email, 'member'))
		);
		expect(added.map((a) => a.outcome).sort()).toEqual(['added', 'updated', 'updated']);
		const slug = `org-${Math.random().toString(36).slice(2, 8)}`;
		const organisations = await atOnce(3, () =>
			db().as(admin, (tx) =>
				newOrganisation(tx, {
					slug,
					name: 'Sama',
					names: { fi: 'Sama' },
					primaryLocale: 'fi',
					kind: 'other',
					businessId: '',
					website: ''
				})
			)
		);
		// A taken slug is made free by the database (issue 12): three organisations.
		expect(organisations.map((o) => o.slug).sort()).toEqual([slug, `${slug}-2`, `${slug}-3`]);
	});

	it('a unique violation left over is a 409 with words, naming nothing hidden', async () => {
		const mapped = db().mappingErrors(databaseErrorAsHttp);
		const failure = await mapped
			.service('test: duplicate organisation member', (tx) =>
				tx.query(
					`insert into public.organisation_members (organisation_id, user_id) values ($1, $2)`,
					[aalto.id, aaltoOwner.id]
				)
			)
			.catch((e: unknown) => e);
		expect(isHttpError(failure, 409)).toBe(true);
		const body = (failure as { body: { message: string } }).body.message;
		expect(body).toMatch(/[a-zäö]{4,}/i);
		expect(body).not.toMatch(/organisation_members_pkey|user_id|23505/);
		// Anything else passes unchanged.
		const other = await mapped
			.service('test: other error', (tx) => tx.query('select 1 / 0'))
			.catch((e: unknown) => e);
		expect(isHttpError(other)).toBe(false);
	});
});
