/**
 * A command in a private tmux server (its own socket, no ~/.tmux.conf) at a fixed size, for
 * end-to-end tests with the real `ssh` client: one key per send, then wait for the screen.
 */
import {execFileSync} from 'node:child_process';
import {waitUntil} from './serve-process.js';

const panes = new Set<TmuxPane>();

export class TmuxPane {
	private readonly socket: string;
	private killed = false;

	constructor(command: string, size: {columns: number; rows: number} = {columns: 80, rows: 24}, env: Record<string, string> = {}) {
		this.socket = `vnetlab-test-${process.pid}-${Math.random().toString(36).slice(2, 8)}`;
		const envArgs = Object.entries({CI: '0', ...env}).flatMap(([key, value]) => ['-e', `${key}=${value}`]);
		this.tmux('-f', '/dev/null', 'new-session', '-d', '-s', 'main', '-x', String(size.columns), '-y', String(size.rows), ...envArgs, command);
		this.tmux('set-option', '-t', 'main', 'remain-on-exit', 'on');
		panes.add(this);
	}

	private tmux(...args: string[]): string {
		return execFileSync('tmux', ['-L', this.socket, ...args], {encoding: 'utf8', timeout: 5000});
	}

	capture(): string {
		return this.tmux('capture-pane', '-p', '-t', 'main');
	}

	/** One key (tmux key name such as Enter, Down, q) or literal text with `literal`. */
	send(key: string, literal = false): void {
		this.tmux('send-keys', '-t', 'main', ...(literal ? ['-l'] : []), key);
	}

	resize(columns: number, rows: number): void {
		this.tmux('resize-window', '-t', 'main', '-x', String(columns), '-y', String(rows));
	}

	async waitFor(text: string | RegExp, ms = 20_000): Promise<string> {
		let screen = '';
		await waitUntil(
			() => {
				screen = this.capture();
				return typeof text === 'string' ? screen.includes(text) : text.test(screen);
			},
			ms,
			() => `screen lacks ${String(text)}:\n${screen}`,
		);
		return screen;
	}

	/** True once the pane's command has exited. */
	isDead(): boolean {
		return this.tmux('display-message', '-p', '-t', 'main', '#{pane_dead}').trim() === '1';
	}

	kill(): void {
		if (this.killed) return;
		this.killed = true;
		panes.delete(this);
		try {
			this.tmux('kill-server');
		} catch {
			// Already gone.
		}
	}
}

export function killAllPanes(): void {
	for (const pane of panes) pane.kill();
}

process.on('exit', killAllPanes);

export function sshCommand(port: number, user: string, extra = ''): string {
	return `ssh -p ${port} -o StrictHostKeyChecking=no -o UserKnownHostsFile=/dev/null -o LogLevel=ERROR ${extra} ${user}@127.0.0.1`;
}
