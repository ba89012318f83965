/**
 * The instructor's live room table, drawn where `vnetlab serve` runs: one row per learner
 * (connected or left), the latest events below. ↑/↓ select a learner, `r` resets their
 * current lab after a y/n confirmation, `q` stops the server (after y/n), Ctrl+C at once.
 */
import {Box, Text, render, useInput, useStdout} from 'ink';
import {useEffect, useReducer, useRef, useState} from 'react';
import type {Room} from './room.js';
import {clock, columnWidths, formatRow, roomHeaders, roomRow} from './room-table.js';

export type RoomViewProps = {
	readonly room: Room;
	/** Lines above the table: where the server listens, the fingerprint, the auth rule. */
	readonly heading: readonly string[];
	readonly maxSessions: number;
	readonly onReset: (key: string, lab: string) => Promise<void>;
	readonly onQuit: () => void;
	/** Milliseconds between redraws at most (room changes are batched). */
	readonly refreshMs?: number;
};

/** Lines around the table: the count, blanks, the header, the prompt or keys line, and one spare (Ink redraws everything once the output fills the terminal). */
const fixedLines = 7;

/** The rows shown: all when they fit, else a window holding the selection (the ↑/↓ more lines take two). */
export function visibleRows(count: number, selected: number, space: number): {first: number; last: number} {
	if (count <= space) return {first: 0, last: count};
	const size = Math.max(1, space - 2);
	const first = Math.min(Math.max(0, selected - Math.floor(size / 2)), count - size);
	return {first, last: first + size};
}

type Prompt = {readonly kind: 'reset'; readonly key: string; readonly user: string; readonly lab: string} | {readonly kind: 'quit'};

/** Redraw on room changes, at most every `ms`, and every second for the "ago" column. */
function useRoomTicks(room: Room, ms: number): void {
	const [, tick] = useReducer((count: number) => count + 1, 0);
	useEffect(() => {
		let pending: NodeJS.Timeout | undefined;
		const unsubscribe = room.subscribe(() => {
			pending ??= setTimeout(() => {
				pending = undefined;
				tick();
			}, ms);
		});
		const clockTimer = setInterval(tick, 1000);
		return () => {
			unsubscribe();
			clearTimeout(pending);
			clearInterval(clockTimer);
		};
	}, [room, ms]);
}

export function RoomView({room, heading, maxSessions, onReset, onQuit, refreshMs = 200}: RoomViewProps) {
	useRoomTicks(room, refreshMs);
	const {stdout} = useStdout();
	const width = Math.max(40, (stdout.columns || 80) - 1);
	const learners = room.list();
	const selected = useRef<string | undefined>(undefined);
	const [prompt, setPrompt] = useState<Prompt | undefined>(undefined);
	const promptRef = useRef<Prompt | undefined>(undefined);
	const [, redraw] = useReducer((count: number) => count + 1, 0);
	const [message, setMessage] = useState('');

	let index = learners.findIndex((learner) => learner.key === selected.current);
	if (index < 0 && learners.length > 0) {
		index = 0;
		selected.current = learners[0]!.key;
	}

	const ask = (next: Prompt | undefined) => {
		promptRef.current = next;
		setPrompt(next);
	};

	useInput((input, key) => {
		if (key.ctrl && input === 'c') {
			onQuit();
			return;
		}

		const open = promptRef.current;
		if (open) {
			ask(undefined);
			if (input.toLowerCase() !== 'y') {
				setMessage('Cancelled.');
				return;
			}

			if (open.kind === 'quit') onQuit();
			else {
				onReset(open.key, open.lab).then(
					() => setMessage(`Reset ${open.user}'s lab ${open.lab}.`),
					(error: unknown) => setMessage(`Could not reset ${open.user}'s lab: ${error instanceof Error ? error.message : String(error)}`),
				);
			}

			return;
		}

		const list = room.list();
		const at = Math.max(0, list.findIndex((learner) => learner.key === selected.current));
		if (key.upArrow || input === 'k') selected.current = list[Math.max(0, at - 1)]?.key;
		else if (key.downArrow || input === 'j') selected.current = list[Math.min(list.length - 1, at + 1)]?.key;
		else if (input === 'q') ask({kind: 'quit'});
		else if (input === 'r') {
			const learner = list[at];
			if (!learner) setMessage('No learner to reset yet.');
			else if (!learner.activity.lab) setMessage(`${learner.user} has not opened a lab yet.`);
			else ask({kind: 'reset', key: learner.key, user: learner.user, lab: learner.activity.lab});
		}

		redraw();
	});

	const now = new Date();
	const rows = learners.map((learner) => roomRow(learner, now));
	const widths = columnWidths([[...roomHeaders], ...rows], width - 2);
	const events = room.recentEvents(5);
	// The table scrolls with the selection when the room is taller than the terminal.
	const {first, last} = visibleRows(rows.length, index, (stdout.rows || 24) - heading.length - fixedLines - events.length);
	return (
		<Box flexDirection="column">
			{heading.map((line) => (
				<Text key={line}>{line}</Text>
			))}
			<Text>
				{room.connectedCount()} of {maxSessions} connected
			</Text>
			<Text> </Text>
			<Text bold>{`  ${formatRow(roomHeaders, widths)}`}</Text>
			{rows.length === 0 ? <Text dimColor>  No learners yet.</Text> : null}
			{first > 0 ? <Text dimColor>{`  ↑ ${first} more`}</Text> : null}
			{rows.slice(first, last).map((cells, offset) => {
				const row = first + offset;
				return (
					<Text key={learners[row]!.key} inverse={row === index} dimColor={!learners[row]!.connected}>
						{`${row === index ? '>' : ' '} ${formatRow(cells, widths)}`}
					</Text>
				);
			})}
			{last < rows.length ? <Text dimColor>{`  ↓ ${rows.length - last} more`}</Text> : null}
			<Text> </Text>
			{events.map((event, position) => (
				<Text key={`${event.at.getTime()}-${position}`} dimColor>
					{`${clock(event.at)} ${event.text}`.slice(0, width)}
				</Text>
			))}
			<Text> </Text>
			{prompt?.kind === 'reset' ? (
				<Text bold>{`Reset ${prompt.user}'s lab ${prompt.lab}? Their edits, answers and hints for it are cleared. y/n`}</Text>
			) : prompt?.kind === 'quit' ? (
				<Text bold>Stop the server? Every learner is disconnected (progress saved). y/n</Text>
			) : (
				<Text dimColor>{message ? `${message}  ` : ''}↑/↓ select · r reset the learner's lab · q stop the server</Text>
			)}
		</Box>
	);
}

/** Draw the room table on the server's own terminal until `unmount`. */
export function showRoom(props: RoomViewProps): {unmount: () => void} {
	const instance = render(<RoomView {...props} />, {exitOnCtrlC: false, patchConsole: true});
	instance.waitUntilExit().catch(() => undefined);
	return {unmount: () => instance.unmount()};
}
