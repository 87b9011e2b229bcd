import type { ParamMatcher } from '@sveltejs/kit';
import { isEvaluatedStage } from '$lib/domain/stages';

/** `[x=stage]`: an evaluated stage (shortlisting or selection); anything else is a 404. */
export const match: ParamMatcher = (param) => isEvaluatedStage(param);
