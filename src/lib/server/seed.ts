import { randomBytes } from 'node:crypto';
import type { Database } from './db/database';
import { seedSql } from './db/sql-files';
import { hashPassword } from './auth/passwords';
import { enrolWithSecret } from './auth/second-factor';
import { config } from './config';
import { decodeBase32IgnorePadding } from '@oslojs/encoding';
import { SECRET_BYTES, secretText } from '$lib/domain/totp';
import { log } from './log';
import { seedDemoApplications, seedLateDraft } from './seed-applications';
import { seedDemoJury } from './seed-jury';
import { seedConceptChallenge } from './seed-concepts';
import { seedChainChallenge } from './seed-chain';
import { seedDemoDecision } from './seed-decisions';
import { seedDemoSelection } from './seed-selection';
import { seedDemoProofsOfConcept } from './seed-poc';
import { seedDemoProduction } from './seed-production';
import { seedLongListChallenge } from './seed-long-list';

/** admin@talkoot.example: the demo admin enrolled with a second factor at seeding (new-admin@ is not). */
const ENROLLED_ADMIN = '00000000-0000-4000-8000-000000000001';

/** A demo password nobody can read in the README: 18 random characters, printed once. */
export const generateDemoPassword = () => `Demo-${randomBytes(12).toString('base64url')}`;

/**
 * Loads supabase/seed.sql into an empty database, submits the demo teams' applications,
 * runs the jury's worked example (seed-jury.ts) and the rest of the demo procedure, and
 * returns the text that names the demo accounts, for the caller to print once (null when
 * the database was not empty and nothing was seeded). The password is DEMO_PASSWORD when
 * given, else generated here and shown in that text only; only its argon2id hash is stored.
 */
export async function seedDemo(db: Database, given?: string): Promise<string | null> {
	const password = given ?? generateDemoPassword();
	const hash = await hashPassword(password);
	// Platform admins need a second factor: the demo admin has one, its key printed below.
	const adminSecret = config.DEMO_TOTP_SECRET
		? decodeBase32IgnorePadding(config.DEMO_TOTP_SECRET)
		: crypto.getRandomValues(new Uint8Array(SECRET_BYTES));
	const users = await db.service('seed demo data', async (tx) => {
		const [{ n }] = await tx.query<{ n: number }>(
			'select count(*)::int as n from public.organisations'
		);
		if (n > 0 || !seedSql) return null;
		await tx.exec(seedSql);
		const demo = await tx.query<{ id: string; email: string; display_name: string }>(
			`select u.id, u.email, p.display_name from auth.users u join public.profiles p on p.id = u.id
			 order by u.email`
		);
		const [{ local }] = await tx.query<{ local: boolean }>(
			"select exists (select 1 from pg_namespace where nspname = 'local_auth') as local"
		);
		if (local) {
			for (const u of demo) {
				await tx.query(
					'insert into local_auth.credentials (user_id, password_hash) values ($1, $2)',
					[u.id, hash]
				);
			}
			for (const { user_id } of await tx.query<{ user_id: string }>(
				'select user_id from public.platform_admins where user_id = $1',
				[ENROLLED_ADMIN]
			)) {
				await enrolWithSecret(tx, user_id, adminSecret);
			}
		}
		return demo;
	});
	if (!users) return null;
	const applications = await seedDemoApplications(db);
	await seedLateDraft(db);
	// Before the chain: its concepts deadline counts from when it is seeded.
	const longList = await seedLongListChallenge(db);
	const scored = await seedDemoJury(db);
	const decision = await seedDemoDecision(db);
	const selection = await seedDemoSelection(db, scored);
	await seedConceptChallenge(db);
	await seedChainChallenge(db);
	// After the concepts and the selection decision (issue 14): it needs their partners.
	const goNoGo = await seedDemoProofsOfConcept(db);
	// Last: the production phase needs the partner the go/no-go decision continued.
	const production = await seedDemoProduction(db);
	log.info(
		{
			accounts: users.length,
			applications,
			longList,
			scored: scored.size,
			decision,
			selection,
			goNoGo,
			production
		},
		'demo data seeded'
	);
	const lines = users.map((u) => `  ${u.email.padEnd(30)} ${u.display_name}`);
	const shown = given ? 'the one in DEMO_PASSWORD' : `${password} (generated; shown only now)`;
	return (
		`\nDemo accounts (not for real use), password: ${shown}\n${lines.join('\n')}\n` +
		`Platform admins sign in with a second factor: for admin@talkoot.example add the key\n` +
		`${secretText(adminSecret)} to an authenticator app (TOTP, 6 digits, 30 s) and give its\n` +
		`code after the password; new-admin@talkoot.example is asked to enrol one first.\n`
	);
}
