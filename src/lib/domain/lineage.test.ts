import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
	LINEAGE_KINDS,
	lineageLinkIssue,
	lineageOf,
	type LineageLink,
	type LineageNode
} from './lineage';

const idea: LineageNode = { kind: 'idea', id: 'i1' };
const note: LineageNode = { kind: 'workshop_note', id: 'n1' };
const concept: LineageNode = { kind: 'concept', id: 'c1' };
const poc: LineageNode = { kind: 'proof_of_concept', id: 'p1' };

describe('lineage (issue 14: idea → workshop → concept → proof of concept)', () => {
	const links: LineageLink[] = [
		{ from: idea, to: concept },
		{ from: note, to: concept },
		{ from: concept, to: poc }
	];

	it('is visible from both ends', () => {
		expect(lineageOf(poc, links, 'sources')).toEqual([concept, idea, note]);
		expect(lineageOf(idea, links, 'outcomes')).toEqual([concept, poc]);
		expect(lineageOf(note, links, 'sources')).toEqual([]);
	});

	it('refuses a link that points back', () => {
		expect(lineageLinkIssue({ from: concept, to: idea })).toBe('lineage_backwards');
		expect(lineageLinkIssue({ from: idea, to: { kind: 'idea', id: 'i2' } })).toBe(
			'lineage_backwards'
		);
		expect(lineageLinkIssue({ from: idea, to: poc })).toBeNull();
	});

	const node = fc.record({
		kind: fc.constantFrom(...LINEAGE_KINDS),
		id: fc.constantFrom('a', 'b', 'c')
	});
	const anyLinks = fc.array(fc.record({ from: node, to: node }), { maxLength: 30 });

	it('has no cycles: nothing accepted ever leads back to where it started', () => {
		fc.assert(
			fc.property(anyLinks, node, (ls, start) => {
				const accepted = ls.filter((l) => lineageLinkIssue(l) === null);
				const key = (n: LineageNode) => `${n.kind}:${n.id}`;
				for (const dir of ['sources', 'outcomes'] as const) {
					const found = lineageOf(start, ls, dir).map(key);
					expect(found).not.toContain(key(start));
					expect(new Set(found).size).toBe(found.length);
				}
				// Accepted links always climb the order of kinds.
				for (const l of accepted)
					expect(LINEAGE_KINDS.indexOf(l.from.kind)).toBeLessThan(LINEAGE_KINDS.indexOf(l.to.kind));
			})
		);
	});

	it('the sources of X are exactly the nodes that have X among their outcomes', () => {
		fc.assert(
			fc.property(anyLinks, node, node, (ls, x, y) => {
				const key = (n: LineageNode) => `${n.kind}:${n.id}`;
				const ySources = lineageOf(y, ls, 'sources').map(key);
				const xOutcomes = lineageOf(x, ls, 'outcomes').map(key);
				expect(ySources.includes(key(x))).toBe(xOutcomes.includes(key(y)));
			})
		);
	});
});
