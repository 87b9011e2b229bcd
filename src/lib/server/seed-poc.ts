import { helsinkiDay } from '$lib/domain/helsinki-time';
import type { Database } from './db/database';
import { prepareDecision, publishDecision } from './decisions';
import { log } from './log';
import { addMilestone, attachEvidenceFile, stepMilestone } from './proofs-of-concept';
import { DEMO_OWNER } from './seed-applications';
import { DEMO_JURY_CHALLENGE } from './seed-jury';

/**
 * A one-page PDF saying `line` (Helvetica, ASCII): the demo's evidence file, small and
 * valid, so the upload checks take it as any partner's PDF.
 */
export function demoPdf(line: string): Uint8Array {
	const text = line.replace(/[^ -~]/g, '?').replace(/[()\\]/g, '');
	const stream = `BT /F1 18 Tf 72 720 Td (${text}) Tj ET`;
	const objects = [
		'<< /Type /Catalog /Pages 2 0 R >>',
		'<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
		'<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
		`<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
		'<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>'
	];
	let out = '%PDF-1.4\n';
	const offsets: number[] = [];
	objects.forEach((body, i) => {
		offsets.push(out.length);
		out += `${i + 1} 0 obj\n${body}\nendobj\n`;
	});
	const xref = out.length;
	out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
	for (const o of offsets) out += `${String(o).padStart(10, '0')} 00000 n \n`;
	out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
	return new TextEncoder().encode(out);
}

/**
 * The Helsinki day `days` from today, 'YYYY-MM-DD' (the demo's dates move with the day it is
 * seeded). Helsinki's, not UTC's: the database refuses a decision dated before the Helsinki
 * day its challenge was published, which between 22:00 and 24:00 UTC is tomorrow in UTC terms.
 */
const day = (days: number) => helsinkiDay(new Date(Date.now() + days * 86_400_000));

/**
 * The development phase of the demo's innovation partnership (issue 14, "Demo data"): the
 * two partners the selection decision chose (private.partner_concept_ids, seeded before
 * this) plan their milestones; the city accepts one of each and rejects one of the first
 * partner's, which it re-plans; then the go / no-go decision continues the first partner
 * into production and drops the second, each with its reason. Everything goes through
 * the same functions as the app (src/lib/server/proofs-of-concept.ts, decisions.ts), in
 * the partners' and the owner's names, so the record and the mails are as they would be.
 * Returns the go / no-go decision's id, or null when there are no partners yet or a step
 * was refused (logged, not thrown: the demo starts without it).
 */
export async function seedDemoProofsOfConcept(db: Database): Promise<string | null> {
	try {
		const partners = await db.service('seed: the demo partners', (tx) =>
			tx.query<{ concept: string; member: string; team: string }>(
				`select c.id as concept, t.name as team, t.lead_id as member
				 from public.concepts c join public.teams t on t.id = c.team_id
				 where c.id in (select private.partner_concept_ids($1))
				 order by t.name, c.id`,
				[DEMO_JURY_CHALLENGE]
			)
		);
		if (partners.length < 2) {
			log.info({ partners: partners.length }, 'demo proofs of concept not seeded: no partners');
			return null;
		}
		const [first, second] = partners;
		const as = (p: { member: string }) => ({ id: p.member });

		// The first partner: a pilot accepted, an employer network rejected and re-planned.
		const pilot = await db.as(as(first), (tx) =>
			addMilestone(tx, first.concept, {
				title: 'Pilotti: 60 asiakasta aloittaa valmennuksen',
				dueOn: day(-90)
			})
		);
		const network = await db.as(as(first), (tx) =>
			addMilestone(tx, first.concept, {
				title: 'Työnantajaverkosto: 15 yritystä sitoutuu',
				dueOn: day(-45)
			})
		);
		const follow = await db.as(as(first), (tx) =>
			addMilestone(tx, first.concept, {
				title: 'Seurantamalli: tulokset kuukausittain',
				dueOn: day(-20)
			})
		);
		await db.as(as(first), (tx) => stepMilestone(tx, pilot, 'start', {}));
		// The pilot's report as an evidence file, through the upload checks as in the app.
		try {
			const pdf = demoPdf('Pilottiraportti: 64 asiakasta, 3 ryhmaa');
			const attached = await attachEvidenceFile(
				db,
				as(first),
				pilot,
				new File([pdf.slice().buffer], 'pilottiraportti.pdf', { type: 'application/pdf' })
			);
			if (!attached.ok) log.warn({ attached }, 'demo evidence file not attached');
		} catch (err) {
			log.warn({ err }, 'demo evidence file not attached');
		}
		await db.as(as(first), async (tx) => {
			await stepMilestone(tx, pilot, 'deliver', {
				evidence:
					'64 asiakasta aloitti valmennuksen kolmessa ryhmässä. Jokaisella on oma valmentaja työpaikalla.',
				links: ['https://example.org/talkoot-demo/pilotti-raportti']
			});
			await stepMilestone(tx, network, 'deliver', {
				evidence: '15 työnantajaa allekirjoitti aiesopimuksen.'
			});
		});
		await db.as(DEMO_OWNER, async (tx) => {
			await stepMilestone(tx, pilot, 'accept', {
				reason: 'Tavoite ylittyi: 64 asiakasta 60:n sijaan. Raportti on kattava.'
			});
			await stepMilestone(tx, network, 'reject', {
				reason:
					'Neljä allekirjoittajista on oppilaitoksia, ei työnantajia. Verkostoon tarvitaan 15 yritystä.'
			});
		});
		await db.as(as(first), async (tx) => {
			await stepMilestone(tx, network, 'replan', {
				title: 'Työnantajaverkosto: 15 yritystä sitoutuu (oppilaitokset erikseen)',
				dueOn: day(-25),
				reason: 'Lasketaan vain yritykset; oppilaitokset ovat oma kumppaniryhmänsä.'
			});
			await stepMilestone(tx, network, 'deliver', {
				evidence: '16 yritystä allekirjoitti aiesopimuksen. Luettelo liitteenä.',
				links: ['https://example.org/talkoot-demo/tyonantajat']
			});
			await stepMilestone(tx, follow, 'start', {});
		});
		await db.as(DEMO_OWNER, (tx) =>
			stepMilestone(tx, network, 'accept', { reason: '16 yritystä: tavoite täyttyi.' })
		);

		// The second partner: a prototype accepted, the pilot delivered short of its goal.
		const prototype = await db.as(as(second), (tx) =>
			addMilestone(tx, second.concept, {
				title: 'Prototyyppi: työn ja osaajan kohtaaminen',
				dueOn: day(-80)
			})
		);
		const trial = await db.as(as(second), (tx) =>
			addMilestone(tx, second.concept, {
				title: 'Tavoite: 40 asiakasta työhön tai koulutukseen',
				dueOn: day(-30)
			})
		);
		await db.as(as(second), async (tx) => {
			await stepMilestone(tx, prototype, 'deliver', {
				evidence: 'Prototyyppi on käytössä kahdessa työllisyyspalvelujen toimipisteessä.'
			});
			await stepMilestone(tx, trial, 'start', {});
			await stepMilestone(tx, trial, 'deliver', {
				evidence: '12 asiakasta siirtyi työhön tai koulutukseen 40:n tavoitteesta.'
			});
		});
		await db.as(DEMO_OWNER, async (tx) => {
			await stepMilestone(tx, prototype, 'accept', { reason: 'Toimii kuten suunniteltiin.' });
			await stepMilestone(tx, trial, 'reject', {
				reason: '12 asiakasta 40:n tavoitteesta: kehitysvaihe ei osoittanut vaikuttavuutta.'
			});
		});

		// Go / no-go: the first continues into production, the second is dropped.
		return await db.as(DEMO_OWNER, async (tx) => {
			const id = await prepareDecision(tx, DEMO_JURY_CHALLENGE, 'proof_of_concept', {
				items: [
					{
						itemKind: 'concept',
						item: first.concept,
						chosen: true,
						reason:
							'Kaikki välitavoitteet hyväksytty; kehitysvaihe ylitti asiakastavoitteen ja työnantajaverkosto on koossa.'
					},
					{
						itemKind: 'concept',
						item: second.concept,
						chosen: false,
						reason:
							'Kehitysvaiheen tulos jäi selvästi tavoitteesta (12/40), joten konsepti ei jatka tuotantoon.'
					}
				],
				details: {
					decidedOn: day(0),
					rationale:
						'Kehitysvaiheen jälkeen tuotantoon jatkaa kumppani, jonka konsepti osoitti vaikuttavuutensa välitavoitteissa. Tuotantovaiheessa maksetaan tulosperusteinen bonus.'
				}
			});
			await publishDecision(tx, id);
			return id;
		});
	} catch (err) {
		log.warn({ err }, 'demo proofs of concept not seeded');
		return null;
	}
}
