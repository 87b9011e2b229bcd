// The demo's long list of applications (seed-long-list.ts seeds it): its names and how it
// is screened, apart from the seeding so that the end-to-end tests can read them.

/**
 * Libraries for Every Municipality (City of Helsinki, an open challenge): the owner's long
 * list. Sixty-four teams, one from each of as many Finnish towns, applied; the deadline
 * passed yesterday and screening has just begun: a few found eligible, a few not (one of
 * them first found eligible and then corrected), the rest not yet screened — more than a
 * page of the owner's list (50) whichever way it is narrowed, so the list's paging,
 * filters and search (`/manage/challenges/<id>/applications`) have something to work on.
 */
export const DEMO_LONG_LIST_CHALLENGE = '20000000-0000-4000-8000-0000000000e1';

/**
 * How many of the challenge's questions are answered: more than one page of them
 * (ANSWERED_PAGE_SIZE, 20), so its public page shows the answers in pages. The question
 * about the library of LONG_LIST_TOWNS[i] is answered i + 1 days ago: the newest first.
 */
export const LONG_LIST_ANSWERED = 24;

/** The towns the teams come from: each team is "<town> <kind>", its lead from the town. */
export const LONG_LIST_TOWNS = [
	'Akaa',
	'Alajärvi',
	'Alavus',
	'Espoo',
	'Forssa',
	'Hamina',
	'Hanko',
	'Heinola',
	'Hyvinkää',
	'Hämeenlinna',
	'Iisalmi',
	'Imatra',
	'Joensuu',
	'Jyväskylä',
	'Jämsä',
	'Järvenpää',
	'Kaarina',
	'Kajaani',
	'Kalajoki',
	'Kangasala',
	'Kankaanpää',
	'Kauniainen',
	'Kemi',
	'Kerava',
	'Keuruu',
	'Kokkola',
	'Kotka',
	'Kouvola',
	'Kuopio',
	'Kuusamo',
	'Lahti',
	'Lappeenranta',
	'Lapua',
	'Lieksa',
	'Lohja',
	'Loimaa',
	'Loviisa',
	'Mikkeli',
	'Naantali',
	'Nokia',
	'Orimattila',
	'Oulu',
	'Parainen',
	'Pieksämäki',
	'Pori',
	'Porvoo',
	'Raahe',
	'Rauma',
	'Riihimäki',
	'Rovaniemi',
	'Salo',
	'Savonlinna',
	'Seinäjoki',
	'Tampere',
	'Tornio',
	'Turku',
	'Uusikaupunki',
	'Vaasa',
	'Valkeakoski',
	'Vantaa',
	'Varkaus',
	'Ylöjärvi',
	'Ähtäri',
	'Äänekoski'
] as const;
export type LongListTown = (typeof LONG_LIST_TOWNS)[number];

const KINDS = ['Lab', 'Works', 'Collective', 'Makers', 'Studio', 'Partners', 'Crew', 'Group'];

const idAt = (prefix: string, i: number) =>
	`${prefix}-0000-4000-8000-${(0x301 + i).toString(16).padStart(12, '0')}`;
/** The ids of the teams and of their leads (one person each), in the order of LONG_LIST_TOWNS. */
export const LONG_LIST_TEAMS = LONG_LIST_TOWNS.map((_, i) => idAt('50000000', i));
export const LONG_LIST_LEADS = LONG_LIST_TOWNS.map((_, i) => idAt('00000000', i));

/** The team of town `i` of LONG_LIST_TOWNS: Akaa Lab, Alajärvi Works, … Äänekoski Group. */
export const longListTeam = (i: number) => `${LONG_LIST_TOWNS[i]} ${KINDS[i % KINDS.length]}`;

/**
 * How the owner has screened so far, by town: found eligible, found not eligible (with
 * the reason), and Kokkola first found eligible, then corrected to not eligible.
 */
export const LONG_LIST_ELIGIBLE: readonly LongListTown[] = [
	'Espoo',
	'Joensuu',
	'Kuopio',
	'Oulu',
	'Tampere',
	'Äänekoski'
];
export const LONG_LIST_INELIGIBLE: readonly LongListTown[] = ['Forssa', 'Kemi', 'Lapua', 'Kokkola'];
export const LONG_LIST_CORRECTED: LongListTown = 'Kokkola';
