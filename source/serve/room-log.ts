/**
 * The room as plain log lines (`--quiet`, or stdout not a terminal): one timestamped line per
 * event, for a log file or a terminal without the live table.
 */
import type {Room} from './room.js';

export function logRoom(room: Room, write: (line: string) => void = (line) => process.stdout.write(line)): () => void {
	return room.onEvent((event) => write(`${event.at.toISOString()} ${event.text}\n`));
}
