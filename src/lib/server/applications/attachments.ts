import { z } from 'zod';
import type { Database } from '../db';
import type { SessionUser } from '../auth/sessions';
import { draftFromForm, draftSchema } from '$lib/domain/application-schemas';
import { storedFileName } from '$lib/domain/text';
import {
	attachDocument,
	checkEvidence,
	isNotADraft,
	MAX_EVIDENCE_BYTES,
	removeDocument
} from '../evidence';
import { withFileChanges } from '../uploads';
import { applicationState, SAVE_REFUSALS, saveDraftAs } from './editor';

const requirementSchema = z.union([z.literal(''), z.uuid()]);
const documentSchema = z.object({ documentId: z.uuid() });

/** The field a chosen file is posted in: `file_<requirement id>`, `file_` for other documents. */
export const fileField = (requirementId: string) => `file_${requirementId}`;

export type AttachOutcome =
	| { ok: true; slot: string; savedText: boolean }
	| { ok: false; slot: string; status: number; message: string; values: Record<string, string> };

/** The text fields of a post, to give back to the editor when something is refused. */
function textFields(form: FormData): Record<string, string> {
	const raw: Record<string, string> = {};
	for (const [key, value] of form) if (typeof value === 'string') raw[key] = value;
	return raw;
}

/**
 * Attaches the file posted in `file_<requirementId>` to a draft of the caller's team.
 * Takes the whole post: from the page with JavaScript only `requirementId` and the file
 * (uploaded as soon as it is chosen); without JavaScript the Upload button posts the
 * editor's form, so the typed text comes along and is saved first, and nothing typed is
 * lost by uploading (issue 12, Solver: "Attachments silently lost").
 * Returns the slot and whether text was saved, or a refusal with its status, message key
 * and the posted text (to show again): 400 bad form or empty file, 413 too large,
 * 415 wrong type, 404 not the caller's, 409 no longer a draft or a teammate's newer save.
 */
export async function attachPosted(
	db: Database,
	user: SessionUser,
	id: string,
	form: FormData | null
): Promise<AttachOutcome> {
	const requirement = requirementSchema.safeParse(form?.get('requirementId') ?? '');
	const slot = requirement.success ? requirement.data : '';
	const values = form ? textFields(form) : {};
	const refuse = (status: number, message: string): AttachOutcome => ({
		ok: false,
		slot,
		status,
		message,
		values
	});
	if (!form || !requirement.success) return refuse(400, 'error_form');

	// The editor's text, when the post carries it (the no-JavaScript Upload button).
	let savedText = false;
	if ('version' in values) {
		const parsed = draftSchema.safeParse(draftFromForm(values));
		if (!parsed.success) return refuse(400, 'error_form');
		const saved = await saveDraftAs(db, user, id, parsed.data);
		if (!saved.ok) {
			const refusal = SAVE_REFUSALS[saved.reason];
			return refuse(refusal.status, refusal.message);
		}
		savedText = true;
	}

	const file = form.get(fileField(slot)) ?? form.get('file');
	if (file instanceof File && file.size > MAX_EVIDENCE_BYTES) {
		return refuse(413, 'error_upload_too_large_10');
	}
	const stored = await checkEvidence(file);
	if (!stored) return refuse(400, 'error_upload_empty');
	if (!stored.ok) {
		return stored.reason === 'too_large'
			? refuse(413, 'error_upload_too_large_10')
			: refuse(415, 'error_upload_type_evidence');
	}
	const name = storedFileName(file instanceof File ? file.name : undefined, stored.key);
	// A submit in flight wins: the database then refuses the attach (not a draft any more).
	const attached = await withFileChanges(db, 'private', (files) =>
		db.as(user, async (tx) => {
			const ok = await attachDocument(tx, id, slot || null, {
				key: stored.key,
				name,
				mime: stored.mime,
				size: stored.size
			});
			// Stored only once the document row (RLS: a draft of the caller's team) is in.
			if (ok) await files.write(stored);
			return ok;
		})
	).catch((e) => {
		if (isNotADraft(e)) return false;
		throw e;
	});
	if (attached) return { ok: true, slot, savedText };
	// Another team's application is not there at all; a bad requirement is a bad form.
	const state = await db.as(user, (tx) => applicationState(tx, id));
	return state === 'unknown'
		? refuse(404, 'error_application_unknown')
		: state === 'draft'
			? refuse(400, 'error_form')
			: refuse(409, 'error_application_not_draft');
}

export type RemoveOutcome = { ok: true } | { ok: false; status: number; message: string };

/**
 * Removes a document from a draft of the caller's team, and its stored file once the
 * removal is committed. Returns why not otherwise: 400 bad form, 404 not the caller's or
 * already gone, 409 no longer a draft.
 */
export async function removePosted(
	db: Database,
	user: SessionUser,
	id: string,
	raw: Record<string, string> | null
): Promise<RemoveOutcome> {
	const parsed = documentSchema.safeParse(raw ?? {});
	if (!parsed.success) return { ok: false, status: 400, message: 'error_form' };
	const removed = await withFileChanges(db, 'private', (files) =>
		db.as(user, async (tx) => {
			const key = await removeDocument(tx, id, parsed.data.documentId);
			files.drop(key);
			return key !== null;
		})
	).catch((e) => {
		if (isNotADraft(e)) return false;
		throw e;
	});
	if (removed) return { ok: true };
	const state = await db.as(user, (tx) => applicationState(tx, id));
	return state === 'unknown'
		? { ok: false, status: 404, message: 'error_application_unknown' }
		: state === 'draft'
			? { ok: false, status: 404, message: 'error_item_gone' }
			: { ok: false, status: 409, message: 'error_application_not_draft' };
}
