/**
 * Key bindings as data: every key the TUI answers to, with the screen (key context) where it
 * works and what it does. The footer, the help screen and the readme's keys table are all
 * drawn from this list, so they cannot disagree with what the keys do.
 */

/** Where a binding works: one screen, or one mode of a screen. */
export type KeyContext =
	/** Everywhere, except while a text field has focus. */
	| 'global'
	/** The lab list. */
	| 'home'
	/** A lab: briefing, objectives and the network. */
	| 'lab'
	/** Answering a prediction: its choices. */
	| 'predict'
	/** Choosing a packet to trace. */
	| 'trace-pick'
	/** Typing in a text field (from, to, protocol and port). */
	| 'trace-input'
	/** Stepping through a trace. */
	| 'trace'
	/** Choosing a network interface. */
	| 'routes-pick'
	/** An effective route table. */
	| 'routes'
	/** This list of keys. */
	| 'help'
	/** A yes-or-no question: reset the lab, or replay saved edits on a changed lab. */
	| 'confirm'
	/** The edit menu: the ops the lab allows, what the last change did, the edits so far. */
	| 'edit'
	/** Filling in an edit's form (letters are text). */
	| 'edit-form'
	/** A finished lab's debrief. */
	| 'debrief';

/** A normalised key name: `up`, `enter`, `space`, `ctrl-u`, or the character typed (`q`, `?`). */
export type KeyName = string;

export type KeyBinding = {
	/** The action's id, `<context>.<verb>`; the screen's handler switches on it. */
	readonly id: string;
	readonly keys: readonly KeyName[];
	/** What it does, for the help screen and the readme. */
	readonly description: string;
	readonly screen: KeyContext;
	/** A short label for the footer; bindings without one are only in the help. */
	readonly footer?: string;
};

export const keyBindings: readonly KeyBinding[] = [
	{id: 'global.help', keys: ['?'], description: 'list the keys of this screen', screen: 'global', footer: 'help'},
	{id: 'global.back', keys: ['q', 'escape'], description: 'go back (on the first screen: quit)', screen: 'global', footer: 'back'},
	{id: 'global.color', keys: ['c'], description: 'turn colour off or on', screen: 'global'},
	{id: 'global.quit', keys: ['ctrl-c'], description: 'quit from anywhere', screen: 'global'},

	{id: 'home.up', keys: ['up', 'k'], description: 'previous lab', screen: 'home'},
	{id: 'home.down', keys: ['down', 'j'], description: 'next lab', screen: 'home', footer: 'move'},
	{id: 'home.first', keys: ['home'], description: 'first lab', screen: 'home'},
	{id: 'home.last', keys: ['end'], description: 'last lab', screen: 'home'},
	{id: 'home.open', keys: ['enter'], description: 'open the lab', screen: 'home', footer: 'open'},

	{id: 'lab.up', keys: ['up', 'k'], description: 'previous objective (network: scroll up)', screen: 'lab'},
	{id: 'lab.down', keys: ['down', 'j'], description: 'next objective (network: scroll down)', screen: 'lab', footer: 'move'},
	{id: 'lab.page-up', keys: ['pageup'], description: 'scroll a page up', screen: 'lab'},
	{id: 'lab.page-down', keys: ['pagedown'], description: 'scroll a page down', screen: 'lab'},
	{id: 'lab.answer', keys: ['enter'], description: 'answer the selected prediction', screen: 'lab', footer: 'answer'},
	{id: 'lab.pane', keys: ['tab', 'n'], description: 'switch between objectives and the network', screen: 'lab', footer: 'network'},
	{id: 'lab.trace', keys: ['t'], description: 'trace a packet', screen: 'lab', footer: 'trace'},
	{id: 'lab.routes', keys: ['r'], description: 'effective routes of a network interface', screen: 'lab', footer: 'routes'},
	{id: 'lab.edit', keys: ['e'], description: 'change the network: choose an edit, fill in its form', screen: 'lab', footer: 'edit'},
	{id: 'lab.hint', keys: ['h'], description: 'reveal the next hint (a hint changes nothing)', screen: 'lab', footer: 'hint'},
	{id: 'lab.undo', keys: ['u'], description: 'undo the last edit', screen: 'lab'},
	{id: 'lab.reset', keys: ['R'], description: 'reset the lab to its start (asks first)', screen: 'lab'},
	{id: 'lab.debrief', keys: ['d'], description: 'read the debrief (once every objective is done)', screen: 'lab'},

	{id: 'confirm.yes', keys: ['y'], description: 'yes (reset the lab; or replay your saved edits on the changed lab)', screen: 'confirm', footer: 'yes'},
	{id: 'confirm.no', keys: ['n'], description: 'no (keep the edits; or restart the changed lab from its start)', screen: 'confirm', footer: 'no'},

	{id: 'predict.up', keys: ['up', 'k'], description: 'previous choice', screen: 'predict'},
	{id: 'predict.down', keys: ['down', 'j'], description: 'next choice', screen: 'predict', footer: 'move'},
	{id: 'predict.choose', keys: ['enter'], description: 'answer with this choice', screen: 'predict', footer: 'answer'},

	{id: 'trace-pick.up', keys: ['up', 'k'], description: 'previous packet or field', screen: 'trace-pick'},
	{id: 'trace-pick.down', keys: ['down', 'j', 'tab'], description: 'next packet or field', screen: 'trace-pick', footer: 'move'},
	{id: 'trace-pick.run', keys: ['enter'], description: 'trace the selected packet', screen: 'trace-pick', footer: 'trace'},

	{id: 'trace-input.next', keys: ['tab', 'down'], description: 'next field', screen: 'trace-input', footer: 'next field'},
	{id: 'trace-input.previous', keys: ['shift-tab', 'up'], description: 'previous field', screen: 'trace-input'},
	{id: 'trace-input.run', keys: ['enter'], description: 'trace the packet typed in the fields', screen: 'trace-input', footer: 'trace'},
	{id: 'trace-input.delete', keys: ['backspace', 'delete'], description: 'delete the last character', screen: 'trace-input'},
	{id: 'trace-input.clear', keys: ['ctrl-u'], description: 'clear the field', screen: 'trace-input'},
	{id: 'trace-input.leave', keys: ['escape'], description: 'leave the field (letters are text while it has focus)', screen: 'trace-input', footer: 'leave field'},

	{id: 'trace.next', keys: ['right', 'space', 'l'], description: 'next hop', screen: 'trace', footer: 'next hop'},
	{id: 'trace.previous', keys: ['left', 'h'], description: 'previous hop', screen: 'trace', footer: 'previous hop'},
	{id: 'trace.first', keys: ['home'], description: 'first hop', screen: 'trace'},
	{id: 'trace.last', keys: ['end'], description: 'last hop and the verdict', screen: 'trace', footer: 'verdict'},
	{id: 'trace.up', keys: ['up', 'k'], description: 'scroll up', screen: 'trace'},
	{id: 'trace.down', keys: ['down', 'j'], description: 'scroll down', screen: 'trace'},
	{id: 'trace.page-up', keys: ['pageup'], description: 'scroll a page up', screen: 'trace'},
	{id: 'trace.page-down', keys: ['pagedown'], description: 'scroll a page down', screen: 'trace'},

	{id: 'routes-pick.up', keys: ['up', 'k'], description: 'previous network interface', screen: 'routes-pick'},
	{id: 'routes-pick.down', keys: ['down', 'j'], description: 'next network interface', screen: 'routes-pick', footer: 'move'},
	{id: 'routes-pick.open', keys: ['enter'], description: 'show its effective routes', screen: 'routes-pick', footer: 'show'},

	{id: 'routes.previous', keys: ['left', 'h'], description: 'previous network interface', screen: 'routes'},
	{id: 'routes.next', keys: ['right', 'l'], description: 'next network interface', screen: 'routes', footer: 'next NIC'},
	{id: 'routes.up', keys: ['up', 'k'], description: 'scroll up', screen: 'routes'},
	{id: 'routes.down', keys: ['down', 'j'], description: 'scroll down', screen: 'routes', footer: 'scroll'},
	{id: 'routes.page-up', keys: ['pageup'], description: 'scroll a page up', screen: 'routes'},
	{id: 'routes.page-down', keys: ['pagedown'], description: 'scroll a page down', screen: 'routes'},

	{id: 'help.up', keys: ['up', 'k'], description: 'scroll up', screen: 'help'},
	{id: 'help.down', keys: ['down', 'j'], description: 'scroll down', screen: 'help', footer: 'scroll'},

	{id: 'edit.up', keys: ['up', 'k'], description: 'previous edit', screen: 'edit'},
	{id: 'edit.down', keys: ['down', 'j'], description: 'next edit', screen: 'edit', footer: 'move'},
	{id: 'edit.choose', keys: ['enter'], description: "fill in this edit's form", screen: 'edit', footer: 'choose'},
	{id: 'edit.undo', keys: ['u'], description: 'undo the last edit', screen: 'edit', footer: 'undo'},
	{id: 'edit.az', keys: ['a'], description: 'show or hide the Azure CLI command of each edit', screen: 'edit', footer: 'az'},
	{id: 'edit.hint', keys: ['h'], description: 'reveal the next hint (a hint changes nothing)', screen: 'edit', footer: 'hint'},
	{id: 'edit.reset', keys: ['R'], description: 'reset the lab to its start (asks first)', screen: 'edit'},
	{id: 'edit.page-up', keys: ['pageup'], description: 'scroll the changes and edits up', screen: 'edit'},
	{id: 'edit.page-down', keys: ['pagedown'], description: 'scroll the changes and edits down', screen: 'edit'},

	{id: 'edit-form.next', keys: ['tab', 'down'], description: 'next field', screen: 'edit-form', footer: 'next field'},
	{id: 'edit-form.previous', keys: ['shift-tab', 'up'], description: 'previous field', screen: 'edit-form'},
	{id: 'edit-form.choice-next', keys: ['right'], description: 'next choice (in a choice field; typing finds one)', screen: 'edit-form', footer: 'choose'},
	{id: 'edit-form.choice-previous', keys: ['left'], description: 'previous choice', screen: 'edit-form'},
	{id: 'edit-form.submit', keys: ['enter'], description: 'apply the edit (nothing changes unless it is valid)', screen: 'edit-form', footer: 'apply'},
	{id: 'edit-form.delete', keys: ['backspace', 'delete'], description: 'delete the last character', screen: 'edit-form'},
	{id: 'edit-form.clear', keys: ['ctrl-u'], description: 'clear the field', screen: 'edit-form'},
	{id: 'edit-form.cancel', keys: ['escape'], description: 'close the form, changing nothing (letters are text in a form)', screen: 'edit-form', footer: 'cancel'},

	{id: 'debrief.up', keys: ['up', 'k'], description: 'scroll up', screen: 'debrief'},
	{id: 'debrief.down', keys: ['down', 'j'], description: 'scroll down', screen: 'debrief', footer: 'scroll'},
	{id: 'debrief.page-up', keys: ['pageup'], description: 'scroll a page up', screen: 'debrief'},
	{id: 'debrief.page-down', keys: ['pagedown'], description: 'scroll a page down', screen: 'debrief'},
	{id: 'debrief.next', keys: ['enter'], description: 'open the next lab', screen: 'debrief', footer: 'next lab'},
];

/** Contexts where letters are text: global bindings are off and printable keys go to the field. */
export const textContexts: ReadonlySet<KeyContext> = new Set<KeyContext>(['trace-input', 'edit-form']);

/** The contexts a screen's help lists (a screen has several modes). */
export const screenContexts: Readonly<Record<ScreenKind, readonly KeyContext[]>> = {
	home: ['home'],
	lab: ['lab', 'predict', 'confirm'],
	trace: ['trace-pick', 'trace-input', 'trace'],
	routes: ['routes-pick', 'routes'],
	help: ['help'],
	edit: ['edit', 'edit-form', 'confirm'],
	debrief: ['debrief'],
};

export type ScreenKind = 'home' | 'lab' | 'trace' | 'routes' | 'help' | 'edit' | 'debrief';

/** The screen a key context belongs to. */
export function screenOfContext(context: KeyContext): ScreenKind | undefined {
	for (const [screen, contexts] of Object.entries(screenContexts)) {
		if (contexts.includes(context)) return screen as ScreenKind;
	}

	return undefined;
}

/** How a context is named in the help screen and the readme. */
export const contextTitles: Readonly<Record<KeyContext, string>> = {
	global: 'Everywhere',
	home: 'Lab list',
	lab: 'Lab',
	predict: 'Lab: answering a prediction',
	'trace-pick': 'Trace: choosing a packet',
	'trace-input': 'Trace: typing in a field',
	trace: 'Trace: stepping',
	'routes-pick': 'Routes: choosing a network interface',
	routes: 'Routes: the table',
	help: 'Help',
	confirm: 'Answering a question',
	edit: 'Edit: choosing a change',
	'edit-form': 'Edit: filling in a form',
	debrief: 'Debrief',
};

/**
 * The action a key triggers in a context: the context's own bindings first, then the global
 * ones (unless letters are text there). Undefined when the key does nothing.
 */
export function actionFor(context: KeyContext, key: KeyName, bindings: readonly KeyBinding[] = keyBindings): string | undefined {
	const own = bindings.find((binding) => binding.screen === context && binding.keys.includes(key));
	if (own) return own.id;
	if (textContexts.has(context)) return undefined;
	return bindings.find((binding) => binding.screen === 'global' && binding.keys.includes(key))?.id;
}

/** The bindings a context's footer and help show: its own, then the global ones (not in a text field). */
export function bindingsFor(context: KeyContext, bindings: readonly KeyBinding[] = keyBindings): KeyBinding[] {
	const own = bindings.filter((binding) => binding.screen === context);
	return textContexts.has(context) ? own : [...own, ...bindings.filter((binding) => binding.screen === 'global')];
}

const unicodeNames: Record<string, string> = {
	up: '↑',
	down: '↓',
	left: '←',
	right: '→',
	enter: 'enter',
	escape: 'esc',
	space: 'space',
	tab: 'tab',
	'shift-tab': 'shift+tab',
	pageup: 'pgup',
	pagedown: 'pgdn',
	home: 'home',
	end: 'end',
	backspace: 'backspace',
	delete: 'delete',
};

/** A key as shown to the learner: `↑`, `enter`, `ctrl+c`, `q` (ASCII words instead of arrows when asked). */
export function displayKey(key: KeyName, ascii = false): string {
	if (key.startsWith('ctrl-')) return `ctrl+${key.slice(5)}`;
	if (ascii && ['up', 'down', 'left', 'right'].includes(key)) return key;
	return unicodeNames[key] ?? key;
}

/** The keys of a binding as one short text: `↑/k`. */
export function displayKeys(binding: KeyBinding, ascii = false): string {
	return binding.keys.map((key) => displayKey(key, ascii)).join('/');
}

/**
 * The footer's entries for a context, as `keys label` pairs, in binding order, the first key of
 * each only (`↓ move`, `enter open`). Global `help` and `back` come last.
 */
export function footerEntries(
	context: KeyContext,
	ascii = false,
	bindings: readonly KeyBinding[] = keyBindings,
	overrides: {readonly hidden?: readonly string[]; readonly labels?: Readonly<Record<string, string>>} = {},
): Array<{id: string; keys: string; label: string}> {
	return bindingsFor(context, bindings)
		.filter((binding) => binding.footer !== undefined && !overrides.hidden?.includes(binding.id))
		.map((binding) => ({id: binding.id, keys: footerKeys(binding, ascii), label: overrides.labels?.[binding.id] ?? binding.footer!}));
}

/** Up and down share one footer entry (`↑↓ move`); other bindings show their first key. */
function footerKeys(binding: KeyBinding, ascii: boolean): string {
	if (binding.keys[0] === 'down' || binding.keys[0] === 'up') return ascii ? 'up/down' : '↑↓';
	if (binding.keys[0] === 'right') return displayKey('right', ascii);
	if (binding.id === 'global.back') return 'q';
	return displayKey(binding.keys[0]!, ascii);
}

function escapeCell(text: string): string {
	return text.replaceAll('|', '\\|');
}

/**
 * The readme's keys table (markdown), one row per binding, grouped by screen in the order above.
 * test/ui/keys-table.test.ts checks that readme.md holds exactly this text under "## Keys".
 */
export function renderKeysTable(bindings: readonly KeyBinding[] = keyBindings): string {
	const rows = ['| Screen | Keys | Action |', '| --- | --- | --- |'];
	for (const binding of bindings) {
		const keys = binding.keys.map((key) => `\`${escapeCell(displayKey(key))}\``).join(' ');
		rows.push(`| ${contextTitles[binding.screen]} | ${keys} | ${escapeCell(binding.description)} |`);
	}

	return rows.join('\n');
}
