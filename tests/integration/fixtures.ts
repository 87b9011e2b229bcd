import type { Database } from '../../src/lib/server/db/database';
import { workEntrySchema } from '../../src/lib/domain/team-schemas';

/** A valid work history entry (workEntrySchema), for the tests that hang a stored file on one. */
export const workEntry = workEntrySchema().parse({
	area: 'service design',
	organisation: 'City',
	role: 'Designer',
	start: '2020-01',
	end: '2021-01',
	description: 'Work',
	evidenceUrl: ''
});

let counter = 0;

/**
 * A confirmed user with a profile, made the way sign-up makes one. A platform admin
 * (`admin`) acts as one whose session passed the second factor (`aal: 'aal2'`), as the
 * app's admins must; tests of the aal1 case pass `{ ...admin, aal: 'aal1' }`.
 */
export async function createUser(
	db: Database,
	name = 'Test User',
	options: { admin?: boolean; confirmed?: boolean } = {}
): Promise<{ id: string; email: string; aal?: 'aal1' | 'aal2' }> {
	const email = `user${++counter}-${Math.random().toString(36).slice(2, 8)}@test.example`;
	const [user] = await db.service('test fixture: user', (tx) =>
		tx.query<{ id: string }>(
			`insert into auth.users (email, email_confirmed_at, raw_user_meta_data)
			 values ($1, case when $2 then now() end, $3) returning id`,
			[email, options.confirmed ?? true, { display_name: name, locale: 'en' }]
		)
	);
	if (options.admin) {
		await db.service('test fixture: admin', (tx) =>
			tx.query('insert into public.platform_admins (user_id) values ($1)', [user.id])
		);
		return { id: user.id, email, aal: 'aal2' };
	}
	return { id: user.id, email };
}

export async function createOrganisation(db: Database, ownerId: string, memberIds: string[] = []) {
	const slug = `org-${++counter}-${Math.random().toString(36).slice(2, 8)}`;
	return db.service('test fixture: organisation', async (tx) => {
		const [org] = await tx.query<{ id: string }>(
			`insert into public.organisations (slug, name) values ($1, $2) returning id`,
			[slug, `Organisation ${slug}`]
		);
		await tx.query(
			`insert into public.organisation_members (organisation_id, user_id, role) values ($1, $2, 'owner')`,
			[org.id, ownerId]
		);
		for (const id of memberIds) {
			await tx.query(
				`insert into public.organisation_members (organisation_id, user_id, role) values ($1, $2, 'member')`,
				[org.id, id]
			);
		}
		return { id: org.id, slug };
	});
}

export async function createChallenge(
	db: Database,
	organisationId: string,
	status: 'draft' | 'published'
) {
	const slug = `challenge-${++counter}-${Math.random().toString(36).slice(2, 8)}`;
	const [row] = await db.service('test fixture: challenge', (tx) =>
		tx.query<{ id: string }>(
			`insert into public.challenges (organisation_id, slug, title, status, published_at)
			 values ($1, $2, $3, $4, case when $4 = 'published' then now() end) returning id`,
			[organisationId, slug, { fi: `Haaste ${slug}` }, status]
		)
	);
	return { id: row.id, slug };
}
