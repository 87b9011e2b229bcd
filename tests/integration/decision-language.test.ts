import { expect, it } from 'vitest';
import { LOCALES } from '../../src/lib/domain/locale';
import { translate } from '../../src/lib/server/i18n';
import { describeEachDatabase } from './databases';
import { sqlAnswers } from './parity';

// An outside tester's report: a Finnish team read a decision's fixed parts, the standard
// appeal instructions among them, in the language its preparer used. The record holds the
// standard instructions in the challenge's primary language (private.decision_default_appeal);
// the page shows them in its reader's (message decision_doc_standard_appeal). Both say the
// same words in each language, and the database tells the page which appeal is standard.
describeEachDatabase('decision language: the standard appeal instructions', (db) => {
	it('are the same words in the record and on the page, in every language', async () => {
		const cases = LOCALES.map((locale) => ({ locale }));
		const sql = await sqlAnswers<string>(
			db(),
			`private.decision_default_appeal(c ->> 'locale')`,
			cases
		);
		expect(sql).toEqual(LOCALES.map((l) => translate('decision_doc_standard_appeal', {}, l)));
		expect(new Set(sql).size).toBe(LOCALES.length);
	});
});
