/**
 * One hop of a trace: the fixed head (packet, path with this hop marked, where the packet is
 * and its addresses) over the hop's steps, scrolled; the last hop ends with the verdict.
 */
import {Box} from 'ink';
import type {Trace} from '../../engine/results.js';
import {useTheme} from '../hooks/use-theme.js';
import {hopBodyLines, traceHeadLines} from '../trace-lines.js';
import {LineView} from './line-view.js';
import {ScrollBox} from './scroll-box.js';

type Props = {
	readonly trace: Trace;
	readonly hop: number;
	readonly offset: number;
	readonly width: number;
	readonly height: number;
};

/** The head's and the body's lines, and the rows the body gets. */
export function hopLayout(trace: Trace, hop: number, width: number, height: number, theme: {color: boolean; ascii: boolean}) {
	const head = traceHeadLines(trace, hop, width, theme);
	const body = hopBodyLines(trace, hop, width, theme);
	return {head, body, bodyHeight: Math.max(2, height - head.length - 1)};
}

export function HopView({trace, hop, offset, width, height}: Props) {
	const {color, ascii} = useTheme();
	const {head, body, bodyHeight} = hopLayout(trace, hop, width, height, {color, ascii});
	return (
		<Box flexDirection="column" width={width} height={height}>
			{head.map((line, index) => (
				<LineView key={index} line={line} />
			))}
			<Box height={1} />
			<ScrollBox lines={body} offset={offset} height={bodyHeight} label={`hop ${hop + 1} of ${trace.hops.length}`} />
		</Box>
	);
}
