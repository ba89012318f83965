/**
 * A menu's cursor as a pure reducer: moves clamp at both ends (no wrap-around, so holding a
 * key never jumps), and the visible window follows the cursor.
 */

export type MenuAction =
	| {readonly type: 'up'}
	| {readonly type: 'down'}
	| {readonly type: 'first'}
	| {readonly type: 'last'}
	| {readonly type: 'page-up'; readonly page: number}
	| {readonly type: 'page-down'; readonly page: number}
	| {readonly type: 'set'; readonly index: number};

/** The cursor after an action, for a menu of `count` items. */
export function moveCursor(cursor: number, action: MenuAction, count: number): number {
	if (count <= 0) return 0;
	const clamp = (index: number) => Math.min(count - 1, Math.max(0, index));
	switch (action.type) {
		case 'up':
			return clamp(cursor - 1);
		case 'down':
			return clamp(cursor + 1);
		case 'first':
			return 0;
		case 'last':
			return count - 1;
		case 'page-up':
			return clamp(cursor - Math.max(1, action.page));
		case 'page-down':
			return clamp(cursor + Math.max(1, action.page));
		case 'set':
			return clamp(action.index);
	}
}

/**
 * The first visible item of a window of `height` rows over `count` items that shows the
 * cursor: the window only moves when the cursor would leave it, keeping `previous` otherwise.
 */
export function windowStart(cursor: number, count: number, height: number, previous = 0): number {
	if (count <= height) return 0;
	let start = Math.min(Math.max(0, previous), count - height);
	if (cursor < start) start = cursor;
	if (cursor >= start + height) start = cursor - height + 1;
	return start;
}
