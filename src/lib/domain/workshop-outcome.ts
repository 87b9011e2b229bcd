/**
 * A workshop's outcome as a reader may take it away: per board, the clusters with their
 * notes, then every note ranked by dots. Authors only when the board is not anonymous;
 * dots only once revealed (or for the facilitator, who sees them anyway).
 */
import { rankedNotes, type BoardState, type Note } from './board';
import type { CsvTable } from './csv';

export interface OutcomeBoard {
	/** The team's name on a private board; null for the shared board. */
	teamName: string | null;
	state: BoardState;
}

export interface OutcomeInput {
	title: string;
	challengeTitle: string;
	startsAt: string;
	boards: OutcomeBoard[];
	/** userId → name. */
	names: Record<string, string>;
	/** Whether this reader sees the dots before they are revealed. */
	seesVotes: boolean;
}

/** The words of the export in the reader's language. */
export interface OutcomeLabels {
	sharedBoard: string;
	clusters: string;
	unclustered: string;
	ranking: string;
	votesHidden: string;
	noNotes: string;
	dots: (count: number) => string;
	colour: (colour: Note['colour']) => string;
	csvHeader: [string, string, string, string, string, string, string];
}

interface Row {
	rank: number;
	note: Note;
	dots: number | null;
	cluster: string;
	author: string;
}

function rows(board: OutcomeBoard, input: OutcomeInput, labels: OutcomeLabels): Row[] {
	const { state } = board;
	const showVotes = state.revealed || input.seesVotes;
	const notes = showVotes
		? rankedNotes(state)
		: Object.values(state.notes).map((n) => ({ ...n, dots: 0 }));
	return notes.map((n, i) => ({
		rank: i + 1,
		note: n,
		dots: showVotes ? n.dots : null,
		cluster: n.clusterId ? (state.clusters[n.clusterId]?.name ?? '') : labels.unclustered,
		author: state.anonymous || !n.authorId ? '' : (input.names[n.authorId] ?? '')
	}));
}

const boardName = (b: OutcomeBoard, labels: OutcomeLabels) => b.teamName ?? labels.sharedBoard;

/** One line of Markdown from a note's text: no line breaks, no accidental headings. */
const inline = (text: string) => text.replace(/\s*\n\s*/g, ' ').replace(/^([#>*+-])/, '\\$1');

export function outcomeMarkdown(input: OutcomeInput, labels: OutcomeLabels): string {
	const out = [
		`# ${inline(input.title)}`,
		'',
		`${inline(input.challengeTitle)} · ${input.startsAt}`
	];
	for (const board of input.boards) {
		const list = rows(board, input, labels);
		const line = (r: Row) =>
			[
				`- ${inline(r.note.text)}`,
				r.dots === null ? '' : ` (${labels.dots(r.dots)})`,
				r.author ? ` — ${inline(r.author)}` : ''
			].join('');
		out.push('', `## ${inline(boardName(board, labels))}`);
		if (!list.length) {
			out.push('', labels.noNotes);
			continue;
		}
		out.push('', `### ${labels.clusters}`);
		const groups = [
			...Object.values(board.state.clusters).map((c) => ({
				id: c.id as string | null,
				name: c.name
			})),
			{ id: null, name: labels.unclustered }
		];
		for (const group of groups) {
			const inGroup = list.filter((r) => r.note.clusterId === group.id);
			if (!inGroup.length && group.id === null) continue;
			out.push('', `#### ${inline(group.name)}`, '', ...inGroup.map(line));
		}
		out.push('', `### ${labels.ranking}`, '');
		if (list[0].dots === null) out.push(labels.votesHidden, '');
		out.push(...list.map((r) => `${r.rank}. ${line(r).slice(2)}`));
	}
	return `${out.join('\n')}\n`;
}

/** The outcome as a table, one row per note and board; src/lib/server/csv.ts writes it. */
export function outcomeTable(input: OutcomeInput, labels: OutcomeLabels): CsvTable {
	return {
		header: labels.csvHeader,
		rows: input.boards.flatMap((board) =>
			rows(board, input, labels).map((r) => [
				boardName(board, labels),
				r.rank,
				r.note.text,
				r.cluster,
				labels.colour(r.note.colour),
				r.dots,
				r.author
			])
		)
	};
}
