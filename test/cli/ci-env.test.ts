/**
 * CI=0 and CI=false are not CI: dropped before chalk loads, so the lab keeps its colour (as Ink
 * keeps its interactivity). The end-to-end test (test/e2e/tui.test.ts) runs the TUI with CI=0.
 */
import test from 'ava';
import {dropCiThatSaysNo, isCiOff} from '../../source/commands/ci-env.js';

test('CI=0 and CI=false are dropped; any other CI stays', (t) => {
	for (const value of ['0', 'false']) {
		const env: Record<string, string | undefined> = {CI: value, NO_COLOR: '1'};
		t.true(isCiOff(env));
		dropCiThatSaysNo(env);
		t.deepEqual(env, {NO_COLOR: '1'}, `CI=${value}`);
	}

	for (const value of ['1', 'true', '']) {
		const env: Record<string, string | undefined> = {CI: value};
		dropCiThatSaysNo(env);
		t.deepEqual(env, {CI: value}, `CI=${value}`);
	}

	const unset: Record<string, string | undefined> = {};
	dropCiThatSaysNo(unset);
	t.deepEqual(unset, {});
});

