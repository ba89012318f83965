/**
 * The indexed network of a topology, built once per topology object and shared by every
 * screen (the engine stays out of React state: a topology is immutable data).
 */
import {useMemo} from 'react';
import {buildNetwork, type Network} from '../../engine/network.js';
import type {Topology} from '../../engine/topology.js';

const networks = new WeakMap<Topology, Network>();

export function networkOf(topology: Topology): Network {
	let network = networks.get(topology);
	if (!network) {
		network = buildNetwork(topology);
		networks.set(topology, network);
	}

	return network;
}

export function useNetwork(topology: Topology): Network {
	return useMemo(() => networkOf(topology), [topology]);
}
