import { describe, expect, it } from 'vitest';
import { backTo, fromQuery, keptFrom, keptQuery } from './kept-query';
import { CHALLENGE_LIST_FIELDS } from './challenge';
import { ADMIN_LIST_FIELDS, parseAdminQueries, parseWorkshopQuery } from './list-queries';

const params = (text: string) => new URLSearchParams(text);

describe('the lists beyond /manage read from their addresses', () => {
	it('/workshops: a status, a search and a page; anything else the whole list', () => {
		expect(parseWorkshopQuery(params('state=live&q=%20Lab%20&page=3'))).toEqual({
			state: 'live',
			q: 'Lab',
			page: 3
		});
		expect(parseWorkshopQuery(params('state=open&page=-1'))).toEqual({
			state: 'all',
			q: '',
			page: 1
		});
	});

	it('the admin page: two lists, each by its own fields', () => {
		const both = parseAdminQueries(
			params('org-state=university&org-page=2&feedback-state=new&feedback-q=kontrasti&page=9')
		);
		expect(both.organisations).toEqual({ state: 'university', q: '', page: 2 });
		expect(both.feedback).toEqual({ state: 'new', q: 'kontrasti', page: 1 });
		expect(parseAdminQueries(params('org-state=closed')).organisations.state).toBe('all');
		expect(
			keptQuery(params('org-q=yo&feedback-page=2&notice=feedback_saved'), ADMIN_LIST_FIELDS)
		).toBe('?org-q=yo&feedback-page=2');
	});
});

describe('a detail page reached from a narrowed list', () => {
	it("keeps /challenges' search, filters, order and page, and links back to them", () => {
		const list = params('q=vesi&stage=applications&open=1&sort=newest&page=2&x=1');
		const from = fromQuery(list, CHALLENGE_LIST_FIELDS);
		expect(from).toBe(
			'?from=q%3Dvesi%26stage%3Dapplications%26open%3D1%26sort%3Dnewest%26page%3D2'
		);
		const detail = params(`${from.slice(1)}&followed=1`);
		expect(backTo('/challenges', detail, CHALLENGE_LIST_FIELDS)).toBe(
			'/challenges?q=vesi&stage=applications&open=1&sort=newest&page=2'
		);
		// Its forms keep the field, and nothing else of the address (a notice).
		expect(keptFrom(detail)).toBe(from);
	});

	it('links back to the whole list with no field or a field that is no list query', () => {
		expect(fromQuery(params('notice=x'))).toBe('');
		expect(backTo('/workshops', params(''))).toBe('/workshops');
		expect(backTo('/workshops', params('from=%2F%2Fevil.example'))).toBe('/workshops');
		expect(keptFrom(params('asked=1'))).toBe('');
	});
});
