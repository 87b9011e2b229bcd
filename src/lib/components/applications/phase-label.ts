import { m } from '$lib/paraglide/messages';
import type { Phase } from '$lib/domain/application-phase';

/** The phase's name as the application page and its header badge show it. */
export function phaseLabel(phase: Phase): string {
	switch (phase) {
		case 'draft':
			return m.solverapp_phase_draft();
		case 'withdrawn':
			return m.solverapp_phase_withdrawn();
		case 'not_submitted':
			return m.solverapp_phase_not_submitted();
		case 'submitted':
			return m.solverapp_phase_submitted();
		case 'awaiting_screening':
			return m.solverapp_phase_awaiting_screening();
		case 'eligible':
			return m.solverapp_phase_eligible();
		case 'ineligible':
			return m.solverapp_phase_ineligible();
	}
}

/** Whether the phase is a good place for the team to be (green badge). */
export const phaseGood = (phase: Phase) =>
	phase === 'submitted' || phase === 'awaiting_screening' || phase === 'eligible';
