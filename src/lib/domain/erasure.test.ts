import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { confirmsErasure, deidentifyJson, snapshotChangedAt } from './erasure';

const person = {
	id: '0b9c1a52-3f0e-4c1e-9d5b-6f1e2a3b4c5d',
	email: 'aino@example.com',
	name: 'Aino A'
};
const replacements = [
	{ find: person.id, replace: 'ph-id' },
	{ find: person.email, replace: 'erased@erased.invalid' },
	{ find: person.name, replace: 'Erased person ABC123' }
];

describe('deidentifyJson', () => {
	it('replaces whole strings in a snapshot, keeps everything else', () => {
		const snapshot = {
			submittedBy: person.id,
			team: {
				name: 'Aino A and friends',
				members: [
					{ id: person.id, name: person.name },
					{ id: 'other', name: 'Other Person' }
				]
			},
			contact: 'AINO@example.com',
			size: 3,
			flag: true,
			none: null
		};
		expect(deidentifyJson(snapshot, replacements)).toEqual({
			submittedBy: 'ph-id',
			team: {
				name: 'Aino A and friends',
				members: [
					{ id: 'ph-id', name: 'Erased person ABC123' },
					{ id: 'other', name: 'Other Person' }
				]
			},
			contact: 'erased@erased.invalid',
			size: 3,
			flag: true,
			none: null
		});
	});

	it('an empty find matches nothing, names compare exactly', () => {
		expect(deidentifyJson(['', 'aino a'], [{ find: '', replace: 'x' }, ...replacements])).toEqual([
			'',
			'aino a'
		]);
	});

	it('no string equal to a find survives, and the shape is kept', () => {
		const leaf = fc.oneof(
			fc.constantFrom(person.id, person.email, person.email.toUpperCase(), person.name),
			fc.string(),
			fc.integer(),
			fc.boolean(),
			fc.constant(null)
		);
		const json = fc.letrec((tie) => ({
			node: fc.oneof(
				{ maxDepth: 4 },
				leaf,
				fc.array(tie('node'), { maxLength: 4 }),
				fc.dictionary(fc.string({ maxLength: 5 }), tie('node'), { maxKeys: 4 })
			)
		})).node;
		fc.assert(
			fc.property(json, (value) => {
				const out = deidentifyJson(value, replacements);
				const text = JSON.stringify(out);
				expect(text.includes(JSON.stringify(person.id))).toBe(false);
				expect(text.toLowerCase().includes(JSON.stringify(person.email))).toBe(false);
				expect(text.includes(JSON.stringify(person.name))).toBe(false);
				// Idempotent: de-identifying twice changes nothing more.
				expect(deidentifyJson(out, replacements)).toEqual(out);
			})
		);
	});
});

describe('confirmsErasure', () => {
	it('accepts the own address in any case, refuses anything else', () => {
		expect(confirmsErasure(' Aino@Example.com ', 'aino@example.com')).toBe(true);
		expect(confirmsErasure('someone@example.com', 'aino@example.com')).toBe(false);
		expect(confirmsErasure('', '')).toBe(false);
	});
});

describe('snapshotChangedAt', () => {
	it('is null for a snapshot as submitted, and for what is not a snapshot', () => {
		for (const s of [null, undefined, 'text', 3, {}, { team: { name: 'T' } }, { erasure: {} }])
			expect(snapshotChangedAt(s)).toBeNull();
		expect(snapshotChangedAt({ personalDataPurgedAt: 'not a time' })).toBeNull();
	});

	it('reads an erasure and a purge, and answers the later of the two', () => {
		const erased = '2027-01-02T03:04:05Z';
		const purged = '2028-05-06T07:08:09.123456Z';
		expect(snapshotChangedAt({ erasure: { deidentifiedAt: erased } })).toEqual(new Date(erased));
		expect(snapshotChangedAt({ personalDataPurgedAt: purged })).toEqual(new Date(purged));
		fc.assert(
			fc.property(
				fc.date({ min: new Date('2000-01-01'), max: new Date('2100-01-01'), noInvalidDate: true }),
				fc.date({ min: new Date('2000-01-01'), max: new Date('2100-01-01'), noInvalidDate: true }),
				(a, b) =>
					snapshotChangedAt({
						erasure: { deidentifiedAt: a.toISOString() },
						personalDataPurgedAt: b.toISOString()
					})!.getTime() === Math.max(a.getTime(), b.getTime())
			)
		);
	});
});
