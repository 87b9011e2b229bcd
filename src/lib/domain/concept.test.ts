import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
	budgetTotal,
	conceptContentSchema,
	conceptFromForm,
	conceptIncomplete,
	MAX_CENTS,
	priceIssue,
	versionChanges,
	type ConceptContent
} from './concept';
import { lineageLinkIssue } from './lineage';

const euros = (cents: number) => `${(cents / 100).toFixed(2)} €`;
const base: ConceptContent = {
	title: 'Pocket coach',
	summary: 'A coach for job seekers.',
	description: 'It works **well**.',
	plan: 'Pilot in spring.',
	budget: [
		{ item: 'Design', cents: 1_200_000 },
		{ item: 'Pilot', cents: 800_000 }
	]
};

describe('the price of a final tender', () => {
	it('is required above zero where price is scored, and refused where it is not', () => {
		expect(priceIssue(30, 1)).toBeNull();
		expect(priceIssue(30, null)).toBe('concept_price_missing');
		expect(priceIssue(30, 0)).toBe('concept_price_invalid');
		expect(priceIssue(30, -1)).toBe('concept_price_invalid');
		expect(priceIssue(30, 1.5)).toBe('concept_price_invalid');
		expect(priceIssue(30, MAX_CENTS + 1)).toBe('concept_price_invalid');
		expect(priceIssue(0, null)).toBeNull();
		expect(priceIssue(null, null)).toBeNull();
		expect(priceIssue(0, 100)).toBe('concept_price_not_asked');
	});
});

describe('the editor form', () => {
	it('becomes a save: empty rows left out, euros as cents', () => {
		const save = conceptFromForm({
			version: '3',
			title: 'T',
			summary: 'S',
			description: 'D',
			plan: '',
			budget0_item: 'Design',
			budget0_euros: '12 000,00',
			budget1_item: '',
			budget1_euros: '',
			budget2_item: 'Pilot',
			budget2_euros: '80'
		});
		expect(save).toEqual({
			version: 3,
			content: {
				title: 'T',
				summary: 'S',
				description: 'D',
				plan: '',
				budget: [
					{ item: 'Design', cents: 1_200_000 },
					{ item: 'Pilot', cents: 8_000 }
				]
			}
		});
	});

	it('keeps an amount that is not one, which the schema refuses in words', () => {
		const save = conceptFromForm({ version: '1', budget0_item: 'x', budget0_euros: '-5' }) as {
			content: unknown;
		};
		const parsed = conceptContentSchema.safeParse(save.content);
		expect(parsed.error?.issues[0].message).toBe('concept_budget_cents_invalid');
	});

	it('needs a title, a summary and a description to be submitted', () => {
		expect(conceptIncomplete(base)).toBeNull();
		expect(conceptIncomplete({ ...base, summary: '  ' })).toBe('concept_incomplete');
	});
});

describe('the difference between two versions', () => {
	it('names what changed, word by word, and the budget by rows', () => {
		const after = {
			...base,
			summary: 'A mobile coach for job seekers.',
			budget: [
				{ item: 'Design', cents: 1_200_000 },
				{ item: 'Pilot', cents: 900_000 }
			]
		};
		const changes = versionChanges(base, after, euros);
		expect(changes).toEqual([
			{
				kind: 'text',
				field: 'summary',
				parts: [
					{ op: 'same', text: 'A ' },
					{ op: 'added', text: 'mobile ' },
					{ op: 'same', text: 'coach for job seekers.' }
				]
			},
			{
				kind: 'budget',
				removed: ['Pilot: 8000.00 €'],
				added: ['Pilot: 9000.00 €'],
				before: 2_000_000,
				after: 2_100_000
			}
		]);
	});

	const content = fc.record({
		title: fc.string({ maxLength: 30 }),
		summary: fc.string({ maxLength: 60 }),
		description: fc.lorem({ maxCount: 12 }),
		plan: fc.string({ maxLength: 30 }),
		budget: fc.array(
			fc.record({
				item: fc.constantFrom('a', 'b', 'c'),
				cents: fc.integer({ min: 0, max: 10_000 })
			}),
			{ maxLength: 4 }
		)
	});

	it('is nothing between a version and itself', () => {
		fc.assert(
			fc.property(content, (c) => {
				expect(versionChanges(c, c, euros)).toEqual([]);
			})
		);
	});

	it('rebuilds both versions from each text diff, and its totals are the budgets’ totals', () => {
		fc.assert(
			fc.property(content, content, (a, b) => {
				for (const change of versionChanges(a, b, euros)) {
					if (change.kind === 'text') {
						const keep = (op: string) =>
							change.parts
								.filter((p) => p.op !== op)
								.map((p) => p.text)
								.join('');
						expect(keep('added')).toBe(a[change.field]);
						expect(keep('removed')).toBe(b[change.field]);
					} else {
						expect(change.before).toBe(budgetTotal(a.budget));
						expect(change.after).toBe(budgetTotal(b.budget));
					}
				}
			})
		);
	});
});

describe('lineage of a concept', () => {
	it('only builds on what came before it, so it never forms a cycle', () => {
		const concept = { kind: 'concept', id: 'c' } as const;
		expect(lineageLinkIssue({ from: { kind: 'idea', id: '1' }, to: concept })).toBeNull();
		expect(lineageLinkIssue({ from: { kind: 'workshop_note', id: 'n' }, to: concept })).toBeNull();
		expect(lineageLinkIssue({ from: concept, to: { kind: 'idea', id: '1' } })).toBe(
			'lineage_backwards'
		);
	});
});
