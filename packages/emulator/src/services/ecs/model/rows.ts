/** Row shape of the servers table, one field per column. */
export interface ServerRow {
  seq: number;
  id: string;
  name: string;
  description: string;
  vm_state: VmState;
  task_state: string | null;
  power_state: number;
  flavor_id: string;
  old_flavor_id: string | null;
  image_id: string | null;
  availability_zone: string;
  key_name: string | null;
  vpc_id: string;
  nics: string;
  security_groups: string;
  metadata: string;
  tags: string;
  tags1d: string;
  locked: number;
  user_data: string | null;
  fault: string | null;
  instance_name: string;
  host: string;
  created: string;
  updated: string;
  launched_at: string | null;
}

export type NewServer = Omit<ServerRow, 'seq'>;

export type VmState = 'building' | 'active' | 'stopped' | 'resized' | 'error' | 'deleted';

export interface Nic {
  port_id: string;
  net_id: string;
  subnet_id: string;
  ip: string;
  mac: string;
  primary: boolean;
  security_groups: string[];
  /** A VPC port made beforehand and attached by `port_id`: detaching gives it back instead of deleting it. */
  external?: boolean;
}

export interface Tag {
  key: string;
  value: string;
}
