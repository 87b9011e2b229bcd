import { describe, expect, it } from 'vitest';
import { describeChange, listDiff, wordDiff, type DiffPart } from './amendment-diff';

const side = (parts: DiffPart[], leave: DiffPart['op']) =>
	parts
		.filter((p) => p.op !== leave)
		.map((p) => p.text)
		.join('');

describe('wordDiff', () => {
	it('marks the words that changed and keeps the rest', () => {
		const parts = wordDiff('Teams of three apply by May.', 'Teams of two apply by June.');
		expect(parts).toEqual([
			{ op: 'same', text: 'Teams of ' },
			{ op: 'removed', text: 'three' },
			{ op: 'added', text: 'two' },
			{ op: 'same', text: ' apply by ' },
			{ op: 'removed', text: 'May' },
			{ op: 'added', text: 'June' },
			{ op: 'same', text: '.' }
		]);
	});

	it('gives back both texts exactly', () => {
		const before = 'Ratkaisun on toimittava\n\nsuomeksi ja ruotsiksi.';
		const after = 'Ratkaisun on  toimittava suomeksi, ruotsiksi ja englanniksi.';
		const parts = wordDiff(before, after);
		expect(side(parts, 'added')).toBe(before);
		expect(side(parts, 'removed')).toBe(after);
	});

	it('an empty side is all added or all removed; equal texts are one same part', () => {
		expect(wordDiff('', 'new text')).toEqual([{ op: 'added', text: 'new text' }]);
		expect(wordDiff('old', '')).toEqual([{ op: 'removed', text: 'old' }]);
		expect(wordDiff('same', 'same')).toEqual([{ op: 'same', text: 'same' }]);
		expect(wordDiff('', '')).toEqual([]);
	});

	it('texts too long to compare word by word come back whole', () => {
		const before = 'a '.repeat(3000);
		const after = 'b '.repeat(3000);
		expect(wordDiff(before, after)).toEqual([
			{ op: 'removed', text: before },
			{ op: 'added', text: after }
		]);
	});
});

describe('listDiff', () => {
	it('names what was removed and what was added', () => {
		expect(listDiff(['a', 'b', 'c'], ['c', 'd', 'a'])).toEqual({ removed: ['b'], added: ['d'] });
	});
});

describe('describeChange', () => {
	const item = (_field: string, v: unknown) => (v === null ? '–' : String(v));

	it('text in languages: a diff per language that changed', () => {
		const view = describeChange(
			{
				field: 'summary',
				before: { fi: 'Vanha teksti', en: 'Same' },
				after: { fi: 'Uusi teksti', en: 'Same' }
			},
			item
		);
		expect(view).toEqual({
			kind: 'text',
			field: 'summary',
			languages: [
				{
					lang: 'fi',
					parts: [
						{ op: 'removed', text: 'Vanha' },
						{ op: 'added', text: 'Uusi' },
						{ op: 'same', text: ' teksti' }
					]
				}
			]
		});
	});

	it('only line endings or spacing changed: said so, no diff', () => {
		expect(
			describeChange(
				{ field: 'body', before: { en: 'One\nTwo ' }, after: { en: 'One\r\nTwo', fi: '' } },
				item
			)
		).toEqual({ kind: 'spacing', field: 'body' });
	});

	it('competence areas: removed and added items, worded by the caller', () => {
		const view = describeChange(
			{
				field: 'competence_areas',
				before: ['software_development', 'service_design'],
				after: ['service_design', 'law']
			},
			(_f, v) => `area:${v}`
		);
		expect(view).toEqual({
			kind: 'list',
			field: 'competence_areas',
			removed: ['area:software_development'],
			added: ['area:law'],
			reordered: false
		});
	});

	it('a list only reordered says so', () => {
		const view = describeChange(
			{ field: 'requirements', before: ['x', 'y'], after: ['y', 'x'] },
			item
		);
		expect(view).toMatchObject({ kind: 'list', removed: [], added: [], reordered: true });
	});

	it('a single value: old → new', () => {
		expect(describeChange({ field: 'min_team_size', before: 2, after: 3 }, item)).toEqual({
			kind: 'value',
			field: 'min_team_size',
			before: '2',
			after: '3'
		});
		expect(describeChange({ field: 'cover_image', before: null, after: 'k.png' }, item)).toEqual({
			kind: 'value',
			field: 'cover_image',
			before: '–',
			after: 'k.png'
		});
	});
});
