import type { Migration } from '../../store/db.ts';

export const VPC_TABLES = ['vpc_ports', 'vpc_publicips', 'vpc_security_group_rules', 'vpc_security_groups', 'vpc_subnets', 'vpc_vpcs'] as const;

export const VPC_MIGRATIONS: readonly Migration[] = [
  {
    name: '601_vpc',
    sql: `
      CREATE TABLE vpc_vpcs (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        id TEXT NOT NULL UNIQUE,
        name TEXT NOT NULL,
        cidr TEXT NOT NULL,
        description TEXT NOT NULL,
        status TEXT NOT NULL,
        enterprise_project_id TEXT NOT NULL,
        builtin INTEGER NOT NULL DEFAULT 0,
        created_ms INTEGER NOT NULL,
        updated_ms INTEGER NOT NULL
      );
      CREATE TABLE vpc_subnets (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        id TEXT NOT NULL UNIQUE,
        vpc_id TEXT NOT NULL,
        name TEXT NOT NULL,
        description TEXT NOT NULL,
        cidr TEXT NOT NULL,
        gateway_ip TEXT NOT NULL,
        dhcp_enable INTEGER NOT NULL,
        primary_dns TEXT,
        secondary_dns TEXT,
        dns_list TEXT NOT NULL DEFAULT '[]',
        availability_zone TEXT,
        neutron_network_id TEXT NOT NULL,
        neutron_subnet_id TEXT NOT NULL,
        status TEXT NOT NULL,
        builtin INTEGER NOT NULL DEFAULT 0,
        created_ms INTEGER NOT NULL,
        updated_ms INTEGER NOT NULL
      );
      CREATE INDEX vpc_subnets_vpc ON vpc_subnets(vpc_id, seq);
      CREATE INDEX vpc_subnets_network ON vpc_subnets(neutron_network_id);
      CREATE TABLE vpc_security_groups (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        id TEXT NOT NULL UNIQUE,
        name TEXT NOT NULL,
        description TEXT NOT NULL,
        vpc_id TEXT,
        enterprise_project_id TEXT NOT NULL,
        builtin INTEGER NOT NULL DEFAULT 0,
        created_ms INTEGER NOT NULL
      );
      CREATE TABLE vpc_security_group_rules (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        id TEXT NOT NULL UNIQUE,
        security_group_id TEXT NOT NULL,
        description TEXT NOT NULL,
        direction TEXT NOT NULL,
        ethertype TEXT NOT NULL,
        protocol TEXT,
        port_range_min INTEGER,
        port_range_max INTEGER,
        remote_ip_prefix TEXT,
        remote_group_id TEXT,
        created_ms INTEGER NOT NULL
      );
      CREATE INDEX vpc_rules_group ON vpc_security_group_rules(security_group_id, seq);
    `,
  },
  {
    name: '602_vpc_publicips',
    sql: `
      CREATE TABLE vpc_publicips (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        id TEXT NOT NULL UNIQUE,
        public_ip_address TEXT NOT NULL UNIQUE,
        status TEXT NOT NULL,
        type TEXT NOT NULL,
        port_id TEXT,
        private_ip_address TEXT,
        server_id TEXT,
        bandwidth_id TEXT NOT NULL,
        bandwidth_name TEXT NOT NULL,
        bandwidth_size INTEGER NOT NULL,
        bandwidth_share_type TEXT NOT NULL,
        delete_on_termination INTEGER NOT NULL DEFAULT 0,
        created_ms INTEGER NOT NULL
      );
      CREATE INDEX vpc_publicips_server ON vpc_publicips(server_id);
    `,
  },
  {
    name: '603_vpc_ports',
    sql: `
      CREATE TABLE vpc_ports (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        id TEXT NOT NULL UNIQUE,
        name TEXT NOT NULL,
        network_id TEXT NOT NULL,
        subnet_id TEXT NOT NULL,
        ip_address TEXT NOT NULL,
        mac_address TEXT NOT NULL,
        status TEXT NOT NULL,
        device_id TEXT NOT NULL DEFAULT '',
        device_owner TEXT NOT NULL DEFAULT '',
        security_groups TEXT NOT NULL DEFAULT '[]',
        created_ms INTEGER NOT NULL
      );
      CREATE INDEX vpc_ports_device ON vpc_ports(device_id);
    `,
  },
];
