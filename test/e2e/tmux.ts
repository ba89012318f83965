/**
 * Driving the built CLI in a real terminal: a tmux server on a private socket (never the
 * user's), one detached session of a given size, keys sent one per send-keys, and the screen
 * read back with capture-pane (with -e, its colour escapes too). Waits poll the screen.
 */
import {execFileSync, spawnSync} from 'node:child_process';

export function hasTmux(): boolean {
	return spawnSync('tmux', ['-V'], {encoding: 'utf8'}).status === 0;
}

let sockets = 0;

export class TmuxSession {
	readonly socket = `vnetlab-e2e-${process.pid}-${++sockets}`;
	readonly name = 'tui';

	constructor(
		command: string,
		env: Readonly<Record<string, string>>,
		readonly cwd: string,
		size = {columns: 80, rows: 24},
	) {
		const envArgs = Object.entries({CI: '0', LANG: 'C.UTF-8', ...env}).flatMap(([key, value]) => ['-e', `${key}=${value}`]);
		this.tmux('-f', '/dev/null', 'new-session', '-d', '-s', this.name, '-x', String(size.columns), '-y', String(size.rows), ...envArgs, command);
		// Keep the pane after the program ends, so a crash stays readable.
		this.tmux('set-option', '-t', this.name, 'remain-on-exit', 'on');
	}

	tmux(...args: string[]): string {
		return execFileSync('tmux', ['-u', '-L', this.socket, ...args], {cwd: this.cwd, encoding: 'utf8'});
	}

	/** The screen as text (with colour escapes when `escapes`). */
	screen(escapes = false): string {
		return this.tmux('capture-pane', '-p', ...(escapes ? ['-e'] : []), '-t', this.name);
	}

	/** One key (a tmux key name such as Down, Enter, C-c, or a character). */
	key(key: string): void {
		this.tmux('send-keys', '-t', this.name, key);
	}

	isDead(): boolean {
		return this.tmux('display-message', '-p', '-t', this.name, '#{pane_dead}').trim() === '1';
	}

	resize(columns: number, rows: number): void {
		this.tmux('resize-window', '-t', this.name, '-x', String(columns), '-y', String(rows));
	}

	/** Poll the screen until `check` passes (every 25 ms, up to `timeout`); returns the last screen. */
	async waitFor(check: (screen: string) => boolean, timeout = 10_000): Promise<{ok: boolean; screen: string}> {
		const end = Date.now() + timeout;
		let screen = '';
		for (;;) {
			screen = this.screen();
			if (check(screen)) return {ok: true, screen};
			if (Date.now() > end) return {ok: false, screen};
			// A program that ended shows nothing new: one last look.
			if (this.isDead()) {
				screen = this.screen();
				return {ok: check(screen), screen};
			}

			await new Promise((resolve) => setTimeout(resolve, 25));
		}
	}

	/** Send one key and wait for the screen to show `expected`. */
	async press(key: string, expected: string | RegExp, timeout?: number): Promise<{ok: boolean; screen: string}> {
		this.key(key);
		return this.waitFor((screen) => (typeof expected === 'string' ? screen.includes(expected) : expected.test(screen)), timeout);
	}

	kill(): void {
		spawnSync('tmux', ['-L', this.socket, 'kill-server'], {encoding: 'utf8'});
	}
}
