/**
 * The innovation partnership demo's applicants' leads (supabase/seed.sql), by team name:
 * the specs find the partner the go/no-go decision continued by its name on the owner's
 * production page, whichever team the seeds continue.
 */
export const DEMO_LEADS: Record<string, string> = {
	'Duuni Valmennus': 'lead@duuni.example',
	'Polku Partners': 'lead@polku.example',
	Työote: 'lead@tyoote.example',
	'Taitotalo Consortium': 'lead@taitotalo.example',
	Reitti: 'lead@reitti.example',
	'Silta Works': 'lead@silta.example',
	Mentori: 'lead@mentori.example',
	Uraverkko: 'lead@uraverkko.example',
	'Askel Ahead': 'lead@askel.example'
};
