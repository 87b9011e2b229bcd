import { describe, expect, it } from 'vitest';
import { renderCalendar, stageDays } from './calendar';

// Issue 12: stage spans are all-day events in Helsinki days, each deadline its own event
// with reminders a day and an hour before. Winter (UTC+2) and summer (UTC+3) dates.

/** The ICS events, unfolded (RFC 5545 folds long lines), each as its lines. */
function events(ics: string): string[][] {
	const lines = ics.replace(/\r\n[ \t]/g, '').split('\r\n');
	const out: string[][] = [];
	let current: string[] | null = null;
	for (const line of lines) {
		if (line === 'BEGIN:VEVENT') current = [];
		else if (line === 'END:VEVENT') {
			out.push(current!);
			current = null;
		} else current?.push(line);
	}
	return out;
}
const field = (event: string[], name: string) =>
	event.filter((l) => l.startsWith(`${name}:`) || l.startsWith(`${name};`));

const challenge = {
	id: 'c1',
	slug: 'snow',
	title: { fi: 'Lumiongelma', en: 'Snow Problem' },
	primaryLocale: 'fi' as const,
	procedure: 'open_challenge' as const,
	stages: [
		// Winter: Helsinki midnight 1 December is 22:00 UTC on 30 November.
		{
			stage: 'market_dialogue' as const,
			startsAt: new Date('2026-11-30T22:00:00Z'),
			endsAt: new Date('2026-12-20T14:00:00Z')
		},
		// Applications close 25.12. at 16.00 Helsinki (14:00 UTC).
		{
			stage: 'applications' as const,
			startsAt: new Date('2026-12-01T07:00:00Z'),
			endsAt: new Date('2026-12-25T14:00:00Z')
		},
		// Summer: from Helsinki midnight 1 June (21:00 UTC on 31 May) to midnight 1 July.
		{
			stage: 'screening' as const,
			startsAt: new Date('2027-05-31T21:00:00Z'),
			endsAt: new Date('2027-06-30T21:00:00Z'),
			decisionOn: '2027-07-01',
			signatory: 'Head of Services'
		}
	]
};

describe('stageDays', () => {
	it('gives the Helsinki days, end exclusive, winter and summer', () => {
		expect(stageDays(new Date('2026-11-30T22:00:00Z'), new Date('2026-12-20T14:00:00Z'))).toEqual({
			first: '2026-12-01',
			endExclusive: '2026-12-21'
		});
		// Ending at Helsinki midnight: the last day is the day before.
		expect(stageDays(new Date('2027-05-31T21:00:00Z'), new Date('2027-06-30T21:00:00Z'))).toEqual({
			first: '2027-06-01',
			endExclusive: '2027-07-01'
		});
	});
});

describe('renderCalendar', () => {
	const ics = renderCalendar('Talkoot', [challenge], 'en');
	const all = events(ics);
	const byUid = (uid: string) => all.find((e) => e.includes(`UID:${uid}`))!;

	it('writes each stage as an all-day span in Helsinki days (winter and summer)', () => {
		const dialogue = byUid('c1-market_dialogue@talkoot');
		expect(field(dialogue, 'DTSTART')).toEqual(['DTSTART;VALUE=DATE:20261201']);
		expect(field(dialogue, 'DTEND')).toEqual(['DTEND;VALUE=DATE:20261221']);
		const screening = byUid('c1-screening@talkoot');
		expect(field(screening, 'DTSTART')).toEqual(['DTSTART;VALUE=DATE:20270601']);
		expect(field(screening, 'DTEND')).toEqual(['DTEND;VALUE=DATE:20270701']);
		expect(field(screening, 'SUMMARY')).toEqual(['SUMMARY:Snow Problem: Screening']);
	});

	it('makes each deadline its own event with reminders a day and an hour before', () => {
		const deadline = byUid('c1-applications-deadline@talkoot');
		expect(field(deadline, 'DTSTART')).toEqual(['DTSTART:20261225T140000Z']);
		expect(field(deadline, 'SUMMARY')).toEqual(['SUMMARY:Snow Problem: Applications close']);
		const text = deadline.join('\n');
		expect(text.match(/BEGIN:VALARM/g)).toHaveLength(2);
		expect(text).toContain('TRIGGER:-P1D');
		expect(text).toContain('TRIGGER:-PT1H');
		expect(text).toContain('ACTION:DISPLAY');
		const questions = byUid('c1-market_dialogue-deadline@talkoot');
		expect(field(questions, 'DTSTART')).toEqual(['DTSTART:20261220T140000Z']);
		// Stages that are no deadline for the public get no reminder.
		expect(
			all.filter((e) => e.some((l) => l.startsWith('UID:') && l.includes('deadline')))
		).toHaveLength(2);
	});

	it('keeps the decision date as its day, in the reader’s language', () => {
		const fi = events(renderCalendar('Talkoot', [challenge], 'fi'));
		const decision = fi.find((e) => e.includes('UID:c1-screening-decision@talkoot'))!;
		expect(field(decision, 'DTSTART')).toEqual(['DTSTART;VALUE=DATE:20270701']);
		const deadline = fi.find((e) => e.includes('UID:c1-applications-deadline@talkoot'))!;
		expect(field(deadline, 'SUMMARY')).toEqual(['SUMMARY:Lumiongelma: Hakuaika päättyy']);
	});
});
