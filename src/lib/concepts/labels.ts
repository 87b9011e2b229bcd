import { m } from '$lib/paraglide/messages';
import { juryItemTerm } from '$lib/domain/jury/item-kind';
import type { Procedure } from '$lib/domain/procedure';

/**
 * What the concept pages (the team's concept and receipt, the owner's list and reading, and
 * FinalTenderView on the juror's page, ConceptPanel on the application, the dashboard's next step, the standing page, the
 * receipt mail) call a team's submitted concept. The same rule as
 * the jury pages' (juryItemTerm at selection): an innovation partnership's teams submit
 * final tenders (Act 1397/2016 §38–39), an open challenge's teams submit concepts and no
 * tenders. Named one by one so that each term's words stay together.
 */
const FINAL_TENDER = {
	/** The deadline of the submission (the end of the concepts stage). */
	deadline: m.concept_deadline,
	/** The fact's label: whether the submission is in force. */
	status: m.concept_tender_status,
	withdrawnNotice: m.concept_withdrawn_notice,
	submittedNotice: m.concept_submitted_notice,
	/** The heading of the section that submits and withdraws. */
	title: m.concept_tender_title,
	lead: m.concept_tender_lead,
	submit: m.concept_submit,
	submitHeading: m.concept_submit_heading,
	active: m.concept_tender_active,
	older: m.concept_tender_older,
	withdraw: m.concept_withdraw,
	withdrawHeading: m.concept_withdraw_heading,
	withdrawText: m.concept_withdraw_text,
	none: m.concept_tender_none,
	closed: m.concept_tender_closed,
	history: m.concept_tender_history,
	/** The standing page's outcome when none was submitted by the deadline. */
	noneByDeadline: m.poc_outcome_no_tender,
	/** How to check the digest of the frozen submission. */
	digestHow: m.concept_digest_how,
	receiptTitle: m.concept_receipt_title,
	receiptLead: m.concept_receipt_lead,
	receiptWithdrawn: m.concept_receipt_withdrawn,
	/** The shortlisted team's invitation to start its concept (ConceptPanel). */
	panelLead: m.concept_panel_lead,
	/** The shortlisted team's next step on its dashboard. */
	nextStep: m.mywork_next_shortlisted,
	ownerLead: m.concept_owner_lead,
	ownerSealed: m.concept_owner_sealed,
	ownerCaption: m.concept_owner_caption,
	ownerNone: m.concept_owner_none,
	ownerTitle: m.concept_owner_tender_title,
	/** The receipt mailed to the team's members (templates.ts, final_tender_receipt). */
	mailSubject: m.mail_final_tender_subject,
	mailBody: m.mail_final_tender_body
};

/** The concept pages' words for a team's submission (see FINAL_TENDER for each one's place). */
export type SubmissionWords = typeof FINAL_TENDER;

const CONCEPT: SubmissionWords = {
	deadline: m.concept_oc_deadline,
	status: m.concept_oc_status,
	withdrawnNotice: m.concept_oc_withdrawn_notice,
	submittedNotice: m.concept_oc_submitted_notice,
	title: m.concept_oc_title,
	lead: m.concept_oc_lead,
	submit: m.concept_oc_submit,
	submitHeading: m.concept_oc_submit_heading,
	active: m.concept_oc_active,
	older: m.concept_oc_older,
	withdraw: m.concept_oc_withdraw,
	withdrawHeading: m.concept_oc_withdraw_heading,
	withdrawText: m.concept_oc_withdraw_text,
	none: m.concept_oc_none,
	closed: m.concept_oc_closed,
	history: m.concept_oc_history,
	noneByDeadline: m.poc_outcome_no_concept,
	digestHow: m.concept_oc_digest_how,
	receiptTitle: m.concept_oc_receipt_title,
	receiptLead: m.concept_oc_receipt_lead,
	receiptWithdrawn: m.concept_oc_receipt_withdrawn,
	panelLead: m.concept_oc_panel_lead,
	nextStep: m.mywork_next_shortlisted_concept,
	ownerLead: m.concept_oc_owner_lead,
	ownerSealed: m.concept_oc_owner_sealed,
	ownerCaption: m.concept_oc_owner_caption,
	ownerNone: m.concept_oc_owner_none,
	ownerTitle: m.concept_oc_owner_tender_title,
	mailSubject: m.mail_concept_receipt_subject,
	mailBody: m.mail_concept_receipt_body
};

/**
 * The words for a team's submitted concept in a challenge of `procedure`: a partnership's
 * final tender, an open challenge's submitted concept (juryItemTerm at selection, so the
 * concept pages and the jury pages never disagree). Every concept page words it through this.
 */
export const submissionWords = (procedure: Procedure): SubmissionWords =>
	juryItemTerm(procedure, 'selection') === 'final_tender' ? FINAL_TENDER : CONCEPT;
