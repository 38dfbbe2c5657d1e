/**
 * The region's public images (`__imagetype` gold). The first three keep the ids EVS has always had,
 * so disks and servers made from them stay linked. Sizes are bytes, RAM MiB, disks GiB.
 */
export interface PublicImage {
  id: string;
  name: string;
  platform: string;
  osType: 'Linux' | 'Windows';
  osVersion: string;
  minDisk: number;
  minRam: number;
  sizeGiB: number;
  /** Days before the emulator's first start. */
  ageDays: number;
  arm?: boolean;
}

const id = (n: number) => `5b3a9c6e-8d21-4f0a-b7c4-1e2d3f4a5b${String(n).padStart(2, '0')}`;

export const PUBLIC_IMAGES: readonly PublicImage[] = [
  { id: id(1), name: 'Ubuntu 22.04 server 64bit', platform: 'Ubuntu', osType: 'Linux', osVersion: 'Ubuntu 22.04 server 64bit', minDisk: 40, minRam: 1024, sizeGiB: 3, ageDays: 600 },
  { id: id(2), name: 'CentOS 7.9 64bit', platform: 'CentOS', osType: 'Linux', osVersion: 'CentOS 7.9 64bit', minDisk: 40, minRam: 1024, sizeGiB: 2, ageDays: 900 },
  { id: id(3), name: 'Windows Server 2019 Datacenter 64bit English', platform: 'Windows', osType: 'Windows', osVersion: 'Windows Server 2019 Datacenter 64bit English', minDisk: 40, minRam: 2048, sizeGiB: 14, ageDays: 700 },
  { id: id(11), name: 'Ubuntu 24.04 server 64bit', platform: 'Ubuntu', osType: 'Linux', osVersion: 'Ubuntu 24.04 server 64bit', minDisk: 40, minRam: 1024, sizeGiB: 3, ageDays: 150 },
  { id: id(12), name: 'Ubuntu 20.04 server 64bit', platform: 'Ubuntu', osType: 'Linux', osVersion: 'Ubuntu 20.04 server 64bit', minDisk: 40, minRam: 1024, sizeGiB: 3, ageDays: 1100 },
  { id: id(13), name: 'Debian 12.0.0 64bit', platform: 'Debian', osType: 'Linux', osVersion: 'Debian GNU/Linux 12.0.0 64bit', minDisk: 40, minRam: 512, sizeGiB: 2, ageDays: 400 },
  { id: id(14), name: 'Huawei Cloud EulerOS 2.0 Standard 64 bit', platform: 'EulerOS', osType: 'Linux', osVersion: 'Huawei Cloud EulerOS 2.0 64bit', minDisk: 40, minRam: 1024, sizeGiB: 3, ageDays: 500 },
  { id: id(15), name: 'EulerOS 2.9 64bit', platform: 'EulerOS', osType: 'Linux', osVersion: 'EulerOS 2.9 64bit', minDisk: 40, minRam: 1024, sizeGiB: 3, ageDays: 800 },
  { id: id(16), name: 'Huawei Cloud EulerOS 2.0 Standard 64 bit ARM', platform: 'EulerOS', osType: 'Linux', osVersion: 'Huawei Cloud EulerOS 2.0 64bit for ARM', minDisk: 40, minRam: 1024, sizeGiB: 3, ageDays: 480, arm: true },
  { id: id(17), name: 'CentOS 8.2 64bit', platform: 'CentOS', osType: 'Linux', osVersion: 'CentOS 8.2 64bit', minDisk: 40, minRam: 1024, sizeGiB: 3, ageDays: 1000 },
  { id: id(18), name: 'openSUSE 15.5 64bit', platform: 'OpenSUSE', osType: 'Linux', osVersion: 'openSUSE Leap 15.5 64bit', minDisk: 40, minRam: 1024, sizeGiB: 3, ageDays: 300 },
  { id: id(19), name: 'Oracle Linux 8.6 64bit', platform: 'Oracle Linux', osType: 'Linux', osVersion: 'Oracle Linux Server release 8.6 64bit', minDisk: 40, minRam: 1024, sizeGiB: 3, ageDays: 350 },
  { id: id(20), name: 'Fedora 38 64bit', platform: 'Fedora', osType: 'Linux', osVersion: 'Fedora release 38 64bit', minDisk: 40, minRam: 1024, sizeGiB: 2, ageDays: 250 },
  { id: id(21), name: 'Windows Server 2022 Datacenter 64bit English', platform: 'Windows', osType: 'Windows', osVersion: 'Windows Server 2022 Datacenter 64bit English', minDisk: 50, minRam: 4096, sizeGiB: 16, ageDays: 350 },
  { id: id(22), name: 'Windows Server 2016 Datacenter 64bit Chinese', platform: 'Windows', osType: 'Windows', osVersion: 'Windows Server 2016 Datacenter 64bit Chinese', minDisk: 40, minRam: 2048, sizeGiB: 13, ageDays: 1200 },
  { id: id(23), name: 'Windows Server 2019 Standard with SQL Server 2019 Standard 64bit', platform: 'Windows', osType: 'Windows', osVersion: 'Windows Server 2019 Standard 64bit English', minDisk: 100, minRam: 8192, sizeGiB: 28, ageDays: 500 },
];
