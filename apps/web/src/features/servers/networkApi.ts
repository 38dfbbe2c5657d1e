import { useQuery } from '@tanstack/react-query';
import { ImageListSchema, SecurityGroupListSchema, SubnetListSchema, VpcListSchema, type ImageListQuery } from '@console/contract';
import { apiRequest } from '../../lib/api.ts';
import { queryString } from '../disks/api.ts';

// Images and networks the wizard and the change-OS form choose from; they change rarely.
const staleTime = 10 * 60_000;

export function useImages(params: Partial<ImageListQuery> = {}, enabled = true) {
  return useQuery({
    queryKey: ['ims', 'images', params],
    queryFn: ({ signal }) => apiRequest(`/api/v1/images${queryString(params)}`, ImageListSchema, { signal }),
    enabled,
    staleTime,
  });
}

export function useVpcs() {
  return useQuery({ queryKey: ['vpc', 'vpcs'], queryFn: ({ signal }) => apiRequest('/api/v1/vpcs', VpcListSchema, { signal }), staleTime });
}

export function useSubnets(vpcId: string | undefined) {
  return useQuery({
    queryKey: ['vpc', 'subnets', vpcId ?? ''],
    queryFn: ({ signal }) => apiRequest(`/api/v1/vpcs/${encodeURIComponent(vpcId!)}/subnets`, SubnetListSchema, { signal }),
    enabled: Boolean(vpcId),
    staleTime,
  });
}

export function useSecurityGroups(vpcId: string | undefined) {
  return useQuery({
    queryKey: ['vpc', 'security-groups', vpcId ?? ''],
    queryFn: ({ signal }) => apiRequest(`/api/v1/security-groups${queryString({ vpcId })}`, SecurityGroupListSchema, { signal }),
    enabled: Boolean(vpcId),
    staleTime,
  });
}
