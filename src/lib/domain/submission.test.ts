import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
	canonicalJson,
	contentDigest,
	draftFromForm,
	draftSchema,
	IDEA_LIMITS,
	IDEAS_MAX,
	submissionProblems,
	type Idea
} from './application-schemas';

const idea = (position: number, overrides: Partial<Idea> = {}): Idea => ({
	position,
	title: `Idea ${position}`,
	problem: 'Job seekers miss employers',
	idea: 'Match by skills, not keywords',
	value: 'Faster employment',
	...overrides
});
const R1 = '00000000-0000-4000-8000-0000000000r1'.replace('r1', 'a1');

describe('submission readiness', () => {
	it('is ready with exactly the required ideas, complete, and every requirement answered', () => {
		const answers = [{ requirementId: R1, meets: true, explanation: '' }];
		expect(submissionProblems([idea(1), idea(2), idea(3)], answers, 3, [R1])).toEqual([]);
	});

	it('refuses two ideas where three are required, saying which fields are missing', () => {
		const problems = submissionProblems([idea(1), idea(2)], [], 3, []);
		expect(problems).toHaveLength(4);
		expect(problems.every((p) => p.code === 'idea_missing' && p.position === 3)).toBe(true);
	});

	it('refuses a fourth idea, a blank field, an over-long field and a missing answer', () => {
		const ideas = [
			idea(1, { value: '  ' }),
			idea(2, { idea: 'x'.repeat(IDEA_LIMITS.idea + 1) }),
			idea(3),
			idea(4)
		];
		expect(
			submissionProblems(ideas, [{ requirementId: R1, meets: null, explanation: '' }], 3, [R1])
		).toEqual([
			{ code: 'idea_missing', position: 1, field: 'value' },
			{ code: 'idea_too_long', position: 2, field: 'idea' },
			{ code: 'too_many_ideas', have: 4, need: 3 },
			{ code: 'answer_missing', requirementId: R1 }
		]);
	});
});

describe('the digest of submitted content', () => {
	it('does not depend on the order of object keys', () => {
		fc.assert(
			fc.property(fc.dictionary(fc.string(), fc.jsonValue()), (object) => {
				const reversed = Object.fromEntries(Object.entries(object).reverse());
				return (
					contentDigest({ a: object, b: [object] }) ===
					contentDigest({ b: [reversed], a: reversed })
				);
			})
		);
	});

	it('changes when any content changes, and is 64 hex characters', () => {
		const a = contentDigest({ ideas: [idea(1)] });
		expect(a).toMatch(/^[0-9a-f]{64}$/);
		expect(contentDigest({ ideas: [idea(1, { title: 'Idea 1.' })] })).not.toBe(a);
		expect(canonicalJson({ b: 1, a: { d: 2, c: [3, { f: 1, e: 0 }] } })).toBe(
			'{"a":{"c":[3,{"e":0,"f":1}],"d":2},"b":1}'
		);
	});
});

describe('the draft as a form posts it', () => {
	it('becomes the same draft the JSON autosave sends', () => {
		const raw = {
			version: '4',
			idea1_title: 'A',
			idea1_problem: 'B',
			idea2_title: 'C',
			[`req_${R1}_meets`]: 'yes',
			[`req_${R1}_explanation`]: 'Insured'
		};
		const draft = draftSchema.parse(draftFromForm(raw));
		expect(draft).toEqual({
			version: 4,
			ideas: [
				{ position: 1, title: 'A', problem: 'B', idea: '', value: '' },
				{ position: 2, title: 'C', problem: '', idea: '', value: '' }
			],
			answers: [{ requirementId: R1, meets: true, explanation: 'Insured' }]
		});
	});

	it('refuses an idea over its limit, an unknown field and a missing version', () => {
		const long = {
			version: 1,
			ideas: [idea(1, { title: 'x'.repeat(IDEA_LIMITS.title + 1) })],
			answers: []
		};
		expect(draftSchema.safeParse(long).error?.issues[0].message).toBe('error_idea_too_long');
		expect(draftSchema.safeParse({ version: 1, ideas: [], answers: [], extra: 1 }).success).toBe(
			false
		);
		expect(draftSchema.safeParse(draftFromForm({})).success).toBe(false);
	});

	// Of the kind of an outside tester's report (too many organisations said "text too
	// long"): a limit of ideas says so, in words, not zod's English default.
	it('refuses an idea past the last by the limit of ideas', () => {
		const eleventh = draftFromForm({ version: '1', [`idea${IDEAS_MAX + 1}_title`]: 'x' });
		expect(draftSchema.safeParse(eleventh).error?.issues[0].message).toBe('error_ideas_many');
		const many = {
			version: 1,
			ideas: Array.from({ length: IDEAS_MAX + 1 }, (_, i) => idea(i + 1)),
			answers: []
		};
		expect(draftSchema.safeParse(many).error?.issues.map((i) => i.message)).toContain(
			'error_ideas_many'
		);
		for (const message of draftSchema
			.safeParse({ version: 0, ideas: [], answers: [] })
			.error!.issues.map((i) => i.message))
			expect(message).toMatch(/^error_/);
	});
});
