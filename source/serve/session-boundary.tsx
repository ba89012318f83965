/**
 * The error boundary around a session's app: a render that throws shows one line to the
 * learner (never a stack trace) and ends the app with that error, which the worker reports.
 */
import {Text, useApp} from 'ink';
import {Component, useEffect, type ReactNode} from 'react';

function Failed({error}: {readonly error: Error}) {
	const {exit} = useApp();
	useEffect(() => {
		exit(error);
	}, [error, exit]);
	return <Text>vnetlab: this session stopped on an internal error. Your progress is saved; connect again to continue.</Text>;
}

type Props = {readonly children: ReactNode};
type State = {readonly error: Error | undefined};

export class SessionBoundary extends Component<Props, State> {
	override state: State = {error: undefined};

	static getDerivedStateFromError(error: unknown): State {
		return {error: error instanceof Error ? error : new Error(String(error))};
	}

	override render(): ReactNode {
		return this.state.error ? <Failed error={this.state.error} /> : this.props.children;
	}
}
