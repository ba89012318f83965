/**
 * The engine's answers: effective routes, next hop, DNS resolution and packet traces.
 * Shapes and vocabularies follow design sections 3 and 5; the CLI's --json prints them as they are.
 */

/** Where an effective route came from, as the effective-routes API names it. */
export type RouteSource =
	/** A system route Azure created. */
	| 'Default'
	/** A user-defined route from the subnet's route table. */
	| 'User'
	/** Learned by a virtual network gateway (BGP or local network gateway prefixes). */
	| 'VirtualNetworkGateway';

export type RouteState = 'Active' | 'Invalid';

export type EffectiveNextHopType =
	| 'VnetLocal'
	| 'VNetPeering'
	| 'VirtualNetworkGateway'
	| 'VirtualNetworkServiceEndpoint'
	| 'InterfaceEndpoint'
	| 'Internet'
	| 'VirtualAppliance'
	| 'None';

export type EffectiveRoute = {
	source: RouteSource;
	state: RouteState;
	addressPrefix: string[];
	nextHopType: EffectiveNextHopType;
	nextHopIpAddress: string[];
	/** The UDR's name, or null for system and gateway routes. */
	name: string | null;
	/** Why a route is Invalid, or a modelling choice the learner should know about. */
	note?: string;
	/** The route table a User route comes from. */
	routeTable?: string;
	/** The service tag a User route was written with (its prefixes are expanded). */
	serviceTag?: string;
};

/** Why a matching route lost to the winner (design section 5). */
export type BeatenWhy =
	| 'shorter-prefix'
	| 'lower-source-priority'
	| 'service-tag-order'
	| 'system-route-preferred'
	/** Two gateway-learned routes with the same prefix: the ExpressRoute gateway's wins over the VPN gateway's. */
	| 'expressroute-preferred'
	/** Same prefix, same source and kind: the first listed wins (vnetlab's tie-break; the docs do not order them). */
	| 'first-listed'
	| 'invalid';

export type BeatenRoute = {route: EffectiveRoute; why: BeatenWhy; matchedPrefix: string};

export type NextHopResult = {
	nextHopType: EffectiveNextHopType;
	nextHopIpAddress: string | null;
	/** The route table's name for a User route, else 'System Route'. */
	routeTableId: string;
	matched: EffectiveRoute;
	/** The prefix of the matched route that contains the destination. */
	matchedPrefix: string;
	beaten: BeatenRoute[];
	notes: string[];
};

export type DnsOrigin = {
	kind: 'public' | 'private-zone' | 'forwarder';
	/** The private zone's name (and id, when it differs). */
	zone?: string;
	/** The virtual network link that made the zone visible. */
	link?: string;
	/** The forwarder (rule domain or server) the query went through. */
	forwarder?: string;
};

export type DnsAnswer = {name: string; type: 'CNAME' | 'A'; value: string; origin: DnsOrigin};

export type Resolution = {
	name: string;
	from: string;
	answers: DnsAnswer[];
	result: 'ip' | 'nxdomain' | 'no-answer';
	ip?: string;
	/** The path the query took, in words (custom DNS server, linked zone, ruleset, public DNS...). */
	steps: string[];
};

export type Protocol = 'tcp' | 'udp' | 'icmp';

export type HopKind =
	| 'nic'
	| 'appliance'
	| 'gateway'
	| 'on-premises'
	| 'internet'
	| 'service-endpoint'
	| 'private-endpoint'
	| 'private-link-service'
	| 'load-balancer'
	| 'resource';

export type StepKind = 'dns' | 'nsg' | 'route' | 'forward' | 'nat' | 'firewall' | 'connection' | 'deliver' | 'drop';

/** A rule that lost, as shown under the deciding rule. */
export type BeatenRule = {rule: string; why: string};

export type Step = {
	kind: StepKind;
	/** One word or short phrase: allow, deny, VirtualAppliance 10.0.2.4, delivered, ... */
	decision: string;
	/** What decided, named as Azure names it (`nsg-app/DenyAllInBound`, a route name, `System Route`, ...). */
	rule?: string;
	beaten?: BeatenRule[];
	/** A sentence for the learner: why this happened. */
	detail: string;
};

export type Hop = {
	at: {kind: HopKind; name: string};
	packet: {sourceIp: string; destinationIp: string};
	steps: Step[];
};

export type TraceResult = 'delivered' | 'exited' | 'dropped';

export type DropReason =
	| 'no-route'
	| 'next-hop-none'
	| 'nsg-denied'
	| 'ip-forwarding-disabled'
	| 'appliance-not-forwarding'
	| 'next-hop-unreachable'
	| 'firewall-denied'
	| 'public-network-access-disabled'
	| 'private-endpoint-not-approved'
	| 'not-mapped-resource'
	| 'dns-nxdomain'
	| 'dns-no-answer'
	| 'peering-not-connected'
	| 'peering-access-disabled'
	| 'forwarded-traffic-not-allowed'
	| 'no-outbound-access'
	| 'routing-loop'
	| 'hop-limit'
	/** A Private Link service the consumer's subscription may not see. */
	| 'private-link-service-not-visible'
	/** No load-balancing rule on the frontend matches the protocol and port. */
	| 'no-load-balancer-rule'
	/** Private endpoints, Private Link services and NAT gateways carry TCP/UDP only. */
	| 'protocol-not-supported'
	/** Nothing in the VNet has the destination address. */
	| 'destination-not-found'
	/** The destination VM is stopped. */
	| 'destination-stopped'
	/** A load balancer with no running backend. */
	| 'no-healthy-backend'
	/** The source VM is stopped: it sends nothing. */
	| 'source-stopped'
	/** A private (RFC 1918 or shared) address sent toward the Internet, where nothing routes it. */
	| 'private-address-on-internet'
	/** A public address that takes no connection started from outside: a NAT gateway's, or a Standard public IP with no NSG allowing it. */
	| 'inbound-not-allowed'
	/** A connection from the Internet to a VM whose subnet sends replies elsewhere (a 0.0.0.0/0 route to an appliance or gateway). */
	| 'asymmetric-routing'
	/** A Basic load balancer's frontend reached over global peering, which Azure does not support. */
	| 'basic-load-balancer-global-peering'
	/** Delivered from on-premises, but the destination's subnet has no route back (its reply meets a None route). */
	| 'no-return-route';

export type Verdict = {
	result: TraceResult;
	reason?: DropReason;
	rule?: string;
	detail: string;
};

export type TracePath = 'service-endpoint' | 'private-endpoint' | 'internet' | 'peering' | 'gateway';

export type Trace = {
	packet: {from: string; to: string; protocol: Protocol; port: number};
	hops: Hop[];
	verdict: Verdict;
	notes: string[];
	/** The DNS resolution when `to` was a name. */
	resolution?: Resolution;
	/** Where the packet ended (object name), for objectives. */
	destination?: {kind: HopKind; name: string};
	/** The source IP the destination saw. */
	sourceIpSeen?: string;
	/** How the packet travelled, for objectives (`path`). */
	paths: TracePath[];
};
