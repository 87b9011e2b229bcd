import type { Database } from '$lib/server/db';
import type { SessionUser } from '$lib/server/auth/sessions';

declare global {
	namespace App {
		interface Locals {
			db: Database;
			user: SessionUser | null;
		}
		interface Error {
			message: string;
			id?: string;
		}
	}
}

export {};
