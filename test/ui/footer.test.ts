/**
 * The keys line fits the width by dropping entries from the end, but never the ways out:
 * back (quit on the first screen) and help stay at every width.
 */
import test from 'ava';
import {fitFooter} from '../../source/ui/components/footer.js';
import {footerEntries, type KeyContext} from '../../source/ui/keys.js';

const separator = ' · ';
const text = (entries: ReadonlyArray<{keys: string; label: string}>) => entries.map((entry) => `${entry.keys} ${entry.label}`).join(separator);

for (const context of ['home', 'lab', 'trace', 'routes', 'edit'] as const satisfies readonly KeyContext[]) {
	for (const width of [80, 60, 40, 30]) {
		test(`${context} at ${width} columns: fits, keeps back and help, keeps the order with help last`, (t) => {
			const all = footerEntries(context);
			const fitted = fitFooter(all, width, separator);
			const labels = fitted.map((entry) => entry.label);
			for (const way of ['back', 'quit', 'help']) if (all.some((entry) => entry.label === way)) t.true(labels.includes(way), `${way} in ${text(fitted)}`);
			const inOrder = all.map((entry) => entry.label).filter((label) => labels.includes(label) && label !== 'help');
			t.deepEqual(labels, labels.includes('help') ? [...inOrder, 'help'] : inOrder, 'the key data\'s order, help last');
			const optional = fitted.filter((entry) => !['back', 'quit', 'help'].includes(entry.label));
			if (optional.length > 0) t.true(text(fitted).length <= width, text(fitted));
		});
	}
}

test('the trace screen at 60 columns shows the hop keys, then back and help', (t) => {
	t.is(text(fitFooter(footerEntries('trace'), 60, separator)), '→ next hop · ← previous hop · end verdict · q back · ? help');
});
