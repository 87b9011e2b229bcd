import { PGlite } from '@electric-sql/pglite';
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

/** Embedded Postgres; `dataDir` undefined means in memory. `loadDataDir` clones a dump. */
export async function openPglite(dataDir?: string, loadDataDir?: Blob): Promise<Driver> {
	const pg = await PGlite.create({ dataDir, loadDataDir });
	return pgliteDriver(pg);
}
