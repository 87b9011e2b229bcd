import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { storableParams, type Driver, type Queryable } from './driver';

function wrap(pg: Pick<PGlite, 'query' | 'exec'>): Queryable {
	return {
		async query<T>(text: string, params: unknown[] = []) {
			const result = await pg.query<T>(text, storableParams(params));
			return result.rows;
		},
		async exec(script) {
			await pg.exec(script);
		}
	};
}

export function pgliteDriver(pg: PGlite): Driver {
	return {
		kind: 'pglite',
		...wrap(pg),
		transaction: (fn) => pg.transaction((tx) => fn(wrap(tx))),
		close: () => pg.close()
	};
}

/** The extensions the migrations create (pg_trgm: search by trigrams, issue 11 item 5). */
export const PGLITE_EXTENSIONS = { pg_trgm };

/** Embedded Postgres; `dataDir` undefined means in memory. `loadDataDir` clones a dump. */
export async function openPglite(dataDir?: string, loadDataDir?: Blob): Promise<Driver> {
	const pg = await PGlite.create({ dataDir, loadDataDir, extensions: PGLITE_EXTENSIONS });
	return pgliteDriver(pg);
}
