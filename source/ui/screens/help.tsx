/** The keys of the screen below, in every mode it has, from the same data as the footer. */
import {Box} from 'ink';
import {ScrollBox, scrollRows} from '../components/scroll-box.js';
import {StyledText} from '../components/styled-text.js';
import {useBodySize} from '../hooks/use-body-size.js';
import {useKeys} from '../hooks/use-keys.js';
import {useRefReducer} from '../hooks/use-ref-reducer.js';
import {useTheme} from '../hooks/use-theme.js';
import {helpLines} from '../help-lines.js';
import {contextTitles, screenOfContext, type KeyContext, type ScreenKind} from '../keys.js';
import {maxOffset} from '../state/scroll.js';

type Props = {
	readonly screen: ScreenKind;
	readonly context: KeyContext;
};

function scrollBy(offset: number, action: {by: number; max: number}): number {
	return Math.min(action.max, Math.max(0, offset + action.by));
}

export function HelpScreen({screen, context}: Props) {
	const theme = useTheme();
	const {width, height} = useBodySize();
	const lines = helpLines(screenOfContext(context) ?? screen, width, theme, undefined, context);
	const boxHeight = Math.max(2, height - 2);
	const max = maxOffset(lines.length, scrollRows(lines.length, boxHeight));
	const [offset, scroll] = useRefReducer(scrollBy, 0);
	useKeys({
		context: 'help',
		onAction(id) {
			if (id === 'help.up' || id === 'help.down') {
				scroll({by: id === 'help.up' ? -1 : 1, max});
				return true;
			}

			// `?` again closes the help (the app's global handler).
			return false;
		},
	});
	return (
		<Box flexDirection="column" width={width} height={height}>
			<StyledText tone="title" truncate>{`Keys: ${contextTitles[context]}`}</StyledText>
			<Box height={1} />
			<ScrollBox lines={lines} offset={offset} height={boxHeight} label="keys" />
		</Box>
	);
}
