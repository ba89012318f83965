/**
 * The `--data` half of `vnetlab progress`: print a workshop's progress (table, --json or
 * --csv). source/commands/progress.ts calls this when `--data` is given.
 */
import {CommandError} from '../commands/errors.js';
import {printErrors, printJson, printText} from '../commands/output.js';
import {collectProgress, ExportError, tableHeaders, tableRows, toCsv} from './export-progress.js';

export type RoomProgressOptions = {data: string; json?: boolean; csv?: boolean; labs?: string};

export async function printRoomProgress(options: RoomProgressOptions): Promise<void> {
	if (options.json && options.csv) throw new CommandError('give --json or --csv, not both');
	const {listLabs, defaultLabsDir} = await import('../lab/catalog.js');
	const catalog = listLabs(options.labs ?? defaultLabsDir).labs;
	let collected;
	try {
		collected = collectProgress(options.data, catalog);
	} catch (error) {
		if (error instanceof ExportError) throw new CommandError(error.message);
		throw error;
	}

	const {room, problems} = collected;
	printErrors(problems);
	if (options.json) {
		printJson(room);
		return;
	}

	if (options.csv) {
		process.stdout.write(toCsv(room));
		return;
	}

	const rows = tableRows(room);
	if (rows.length === 0) {
		printText(`No learner progress yet in ${room.data}.`);
		return;
	}

	const {formatTable} = await import('../format/table.js');
	printText([`Workshop progress in ${room.data} (${room.learners.length} learner${room.learners.length === 1 ? '' : 's'})`, '', formatTable(tableHeaders, rows, {width: Math.max(80, process.stdout.isTTY ? process.stdout.columns : 0)})].join('\n'));
}
