/**
 * The trace screen. Picking: the lab's suggested packets, then three fields (from, to,
 * protocol and port) for any packet; a field under the cursor has focus, so letters typed
 * there are text. Stepping: one hop at a time (→/space, ←, home/end), each with its steps and
 * the rules that decided them; the last hop ends with the verdict. Bad input is a message
 * under its field. The trace itself is computed from the topology (trace-cache.ts), never
 * kept in React state.
 */
import {useCallback, useMemo} from 'react';
import type {Lab} from '../../engine/lab.js';
import {HopView, hopLayout} from '../components/hop-view.js';
import {scrollRows} from '../components/scroll-box.js';
import {StyledText} from '../components/styled-text.js';
import {TracePicker} from '../components/trace-picker.js';
import {useBodySize} from '../hooks/use-body-size.js';
import {useLabTopology, useTracedPacket} from '../hooks/use-lab-work.js';
import {useLoadedLab} from '../hooks/use-loaded-lab.js';
import {useNetwork} from '../hooks/use-network.js';
import {useRefReducer} from '../hooks/use-ref-reducer.js';
import {useTheme} from '../hooks/use-theme.js';
import {useTraceKeys} from '../hooks/use-trace-keys.js';
import type {LabRef} from '../session-reducer.js';
import {maxOffset} from '../state/scroll.js';
import {focusedField, initialTraceState, traceReducer, type TraceState} from '../state/trace-state.js';
import {traceOf} from '../trace-cache.js';
import {checkTraceInput, destinationNames, matching, protocolField, someNames, sourceNames, type FieldName} from '../trace-input.js';

type Props = {
	readonly lab: LabRef;
};

/** A field's hint: what it takes, and the known names that start with what was typed (none: the kinds alone). */
function hintWithNames(kinds: string, names: readonly string[]): string {
	return names.length === 0 ? `${kinds}; no known name starts with that` : `${kinds}, such as ${someNames(names)}`;
}

export function TraceScreen({lab: ref}: Props) {
	const loaded = useLoadedLab(ref);
	if (!loaded.ok) return <StyledText tone="bad">This lab cannot be opened.</StyledText>;
	return <LoadedTraceScreen lab={loaded.lab} />;
}

function LoadedTraceScreen({lab}: {readonly lab: Lab}) {
	const theme = useTheme();
	const {width, height} = useBodySize();
	// The network as the learner's edits left it: a packet being stepped is traced again after an edit.
	const network = useNetwork(useLabTopology(lab));
	const suggestions = lab.suggestedTraces;
	const [state, dispatch, stateRef] = useRefReducer(traceReducer, initialTraceState);

	/** The step view's numbers for a state, from pure functions (keys may arrive before a render). */
	const stepLayout = useCallback(
		(current: TraceState) => {
			if (!current.query) return undefined;
			const outcome = traceOf(network, current.query);
			if (!outcome.ok) return undefined;
			const layout = hopLayout(outcome.trace, current.hop, width, height, theme);
			const rows = scrollRows(layout.body.length, layout.bodyHeight);
			return {hops: outcome.trace.hops.length, max: maxOffset(layout.body.length, rows), page: Math.max(1, rows - 1)};
		},
		[network, width, height, theme.color, theme.ascii],
	);

	const run = (current: TraceState) => {
		if (focusedField(current, suggestions.length) === undefined) {
			const query = suggestions[current.cursor];
			if (!query) return;
			const fields = {from: query.from, to: query.to, protocol: protocolField(query)};
			const outcome = traceOf(network, query);
			// A suggestion the network cannot trace (a lab naming something it lacks) says why under the fields.
			dispatch(outcome.ok ? {type: 'run', query, fields} : {type: 'invalid', errors: {from: outcome.message}, fields});
			return;
		}

		const check = checkTraceInput(network, current.fields);
		if (!check.ok) {
			dispatch({type: 'invalid', errors: check.errors});
			return;
		}

		const outcome = traceOf(network, check.query);
		if (outcome.ok) dispatch({type: 'run', query: check.query});
		else dispatch({type: 'invalid', errors: {to: outcome.message}});
	};

	useTraceKeys({stateRef, dispatch, suggestions: suggestions.length, run, stepLayout});

	const sources = useMemo(() => sourceNames(network), [network]);
	const destinations = useMemo(() => destinationNames(network), [network]);
	useTracedPacket(lab, state.mode === 'step' ? state.query : undefined);
	if (state.mode === 'step' && state.query) {
		const outcome = traceOf(network, state.query);
		// An edit can shorten the path: stay on its last hop.
		if (outcome.ok) return <HopView trace={outcome.trace} hop={Math.min(state.hop, Math.max(0, outcome.trace.hops.length - 1))} offset={state.offset} width={width} height={height} />;
	}

	const hints: Record<FieldName, string> = {
		from: hintWithNames('a NIC, an on-premises or an Internet host', matching(sources, state.fields.from)),
		to: hintWithNames('an IP or a DNS name', matching(destinations, state.fields.to)),
		protocol: 'tcp 443, udp 53 or icmp',
	};
	return <TracePicker state={state} suggestions={suggestions} hints={hints} width={width} height={height} />;
}
