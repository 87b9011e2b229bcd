import type { Database } from '$lib/server/db';
import type { SessionUser } from '$lib/server/auth/sessions';
import type { Locale } from '$lib/domain/locale';

declare global {
	namespace App {
		interface Locals {
			db: Database;
			user: SessionUser | null;
			/** The locale Paraglide resolved for this request (hooks.server.ts). */
			locale?: Locale;
		}
		interface Error {
			message: string;
			id?: string;
		}
	}
}

export {};
