// What only a signed-in reader of a challenge page uses: the Follow button, the form to ask
// a question and their own questions, their teams in the Apply box and their workshops. One module, loaded by
// +page.ts for a signed-in reader only, so a visitor's browser never fetches these (issue 16).
export { default as ApplyTeams } from '$lib/components/ApplyTeams.svelte';
export { default as AskQuestion } from '$lib/components/AskQuestion.svelte';
export { default as ChallengeWorkshops } from '$lib/components/workshops/ChallengeWorkshops.svelte';
export { default as FollowForm } from '$lib/components/FollowForm.svelte';
export { default as MyQuestions } from '$lib/components/MyQuestions.svelte';
