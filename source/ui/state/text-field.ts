/** A one-line text field's value as a pure reducer: typed text appends, delete removes the last character. */

export type TextFieldAction =
	| {readonly type: 'insert'; readonly text: string}
	| {readonly type: 'delete'}
	| {readonly type: 'clear'}
	| {readonly type: 'set'; readonly value: string};

/** Longest value kept: a DNS name is at most 253 characters. */
export const maxFieldLength = 256;

export function editText(value: string, action: TextFieldAction): string {
	switch (action.type) {
		case 'insert':
			// Pasted text may hold line breaks or tabs: keep the printable part.
			return (value + action.text.replace(/[\u0000-\u001F\u007F]/g, '')).slice(0, maxFieldLength);
		case 'delete':
			return [...value].slice(0, -1).join('');
		case 'clear':
			return '';
		case 'set':
			return action.value.slice(0, maxFieldLength);
	}
}
