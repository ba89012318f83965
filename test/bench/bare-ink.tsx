/**
 * The baseline for the TUI's startup benchmark (tui.bench.ts): the smallest Ink app, rendered
 * with the same options as the TUI. With BARE_INK_SYMBOL set it also prints one non-ASCII
 * symbol, which makes Ink measure text the slow way once (string-width compiles its Unicode
 * regular expressions on first use). tui.bench.ts compiles it like dist/ and times its first
 * frame in a pseudo-terminal.
 */
import {Box, render, Text} from 'ink';

render(
	<Box>
		<Text>{process.env['BARE_INK_SYMBOL'] ? 'bare ink ready ❯' : 'bare ink ready'}</Text>
	</Box>,
	{exitOnCtrlC: true, patchConsole: false, incrementalRendering: true},
);
