import { expect, it } from 'vitest';
import { describeEachDatabase } from './databases';
import { lintCatalogue } from './db-lint';

describeEachDatabase('database lint', (db) => {
	it('finds nothing in the migrated catalogue', async () => {
		const findings = await db().service('test: lint', (tx) => lintCatalogue(tx));
		expect(findings.map((f) => `${f.rule}: ${f.message}`)).toEqual([]);
	});
});
