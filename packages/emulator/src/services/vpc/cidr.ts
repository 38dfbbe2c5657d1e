/** IPv4 arithmetic for VPC and subnet CIDRs. Addresses are unsigned 32-bit numbers. */

export interface Cidr {
  network: number;
  prefix: number;
  /** The last address of the block (its broadcast address). */
  last: number;
}

const OCTET = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)$/;

export function parseIp(ip: unknown): number | undefined {
  if (typeof ip !== 'string') return undefined;
  const parts = ip.split('.');
  if (parts.length !== 4 || !parts.every((p) => OCTET.test(p))) return undefined;
  return parts.reduce((n, p) => n * 256 + Number(p), 0);
}

export function formatIp(n: number): string {
  return [n >>> 24, (n >>> 16) & 255, (n >>> 8) & 255, n & 255].join('.');
}

/** `a.b.c.d/p` whose host bits are all zero, as VPC requires; undefined otherwise. */
export function parseCidr(text: unknown): Cidr | undefined {
  if (typeof text !== 'string') return undefined;
  const [ip, bits, extra] = text.split('/');
  if (extra !== undefined || bits === undefined || !/^\d{1,2}$/.test(bits)) return undefined;
  const prefix = Number(bits);
  const network = parseIp(ip);
  if (network === undefined || prefix > 32) return undefined;
  const size = 2 ** (32 - prefix);
  if (network % size !== 0) return undefined;
  return { network, prefix, last: network + size - 1 };
}

export const within = (inner: Cidr, outer: Cidr): boolean => inner.network >= outer.network && inner.last <= outer.last;
export const overlaps = (a: Cidr, b: Cidr): boolean => a.network <= b.last && b.network <= a.last;
export const contains = (c: Cidr, ip: number): boolean => ip >= c.network && ip <= c.last;

/** The private ranges a VPC may use, each with the longest prefix it allows. */
const PRIVATE_RANGES = ['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16'].map((c) => parseCidr(c)!);

export function isPrivateVpcCidr(c: Cidr): boolean {
  return c.prefix <= 24 && PRIVATE_RANGES.some((r) => c.prefix >= r.prefix && within(c, r));
}

/**
 * The n-th address handed to a server. In blocks of /24 or larger the first ten and the last
 * address of every /24 stay free (gateway, DHCP and DNS helpers, broadcast); smaller subnets keep
 * their network address, the first host (the usual gateway) and the broadcast address.
 */
export function hostAddress(c: Cidr, n: number): number | undefined {
  const ip = c.prefix <= 24 ? c.network + Math.floor(n / 245) * 256 + 10 + (n % 245) : c.network + 2 + n;
  return ip < c.last ? ip : undefined;
}

/** An address a server may be given in this subnet (not the network, broadcast or gateway address). */
export function usableIn(c: Cidr, gateway: number, ip: number): boolean {
  return ip > c.network && ip < c.last && ip !== gateway;
}
