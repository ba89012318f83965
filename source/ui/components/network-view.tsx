/** The compact network view (network-lines.ts), scrolled by the lab screen. */
import {useMemo} from 'react';
import type {Topology} from '../../engine/topology.js';
import {useTheme} from '../hooks/use-theme.js';
import {cachedNetworkLines} from '../network-lines-cache.js';
import {ScrollBox} from './scroll-box.js';

type Props = {
	readonly topology: Topology;
	readonly offset: number;
	readonly width: number;
	readonly height: number;
};

export function NetworkView({topology, offset, width, height}: Props) {
	const {color, ascii} = useTheme();
	const lines = useMemo(() => cachedNetworkLines(topology, width, {color, ascii}), [topology, width, color, ascii]);
	return <ScrollBox lines={lines} offset={offset} height={height} label="network" />;
}
