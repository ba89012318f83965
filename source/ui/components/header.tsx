/** The top line: where the learner is (`vnetlab › Lab 01 › Trace`), and `no colour` when colour is off. */
import {Box} from 'ink';
import {useTheme} from '../hooks/use-theme.js';
import {StyledText} from './styled-text.js';

type Props = {
	readonly trail: readonly string[];
	readonly width: number;
};

export function Header({trail, width}: Props) {
	const {ascii} = useTheme();
	const separator = ascii ? ' > ' : ' › ';
	return (
		<Box width={width}>
			<StyledText tone="accent" truncate>
				{['vnetlab', ...trail].join(separator)}
			</StyledText>
		</Box>
	);
}
