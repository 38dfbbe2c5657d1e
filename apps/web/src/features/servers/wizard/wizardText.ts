import '../catalogue.ts';
import type { TFunction } from 'i18next';
import { DISK_SIZE_GIB, MAX_SERVERS_PER_CREATE, SERVER_DESCRIPTION_MAX_CHARS, SERVER_NAME_MAX } from '@console/contract';
import type { contextIssues, WizardIssue } from './wizardModel.ts';

/**
 * The contract's rule again in the reader's language: its English messages name the rule, the
 * field says which of ours it is. A refusal the BFF worded is shown as it came.
 */
export function wizardIssueText(issue: WizardIssue, t: TFunction): string {
  if (issue.code === 'worded') return issue.message;
  const field = issue.field.startsWith('dataDisks.') ? 'dataDisks' : issue.field;
  switch (field) {
    case 'name':
      return t('servers.wizard.nameRule', { single: SERVER_NAME_MAX.single, batch: SERVER_NAME_MAX.batch });
    case 'count':
      return t('servers.wizard.countRule', { max: MAX_SERVERS_PER_CREATE });
    case 'flavorId':
      return t('servers.wizard.chooseFlavor');
    case 'imageId':
      return t('servers.wizard.chooseImage');
    case 'vpcId':
      return t('servers.wizard.chooseVpc');
    case 'subnetId':
      return issue.message.includes('fixed') ? issue.message : t('servers.wizard.chooseSubnet');
    case 'rootSize':
      return t('servers.wizard.rootRange', { min: DISK_SIZE_GIB.system.min, max: DISK_SIZE_GIB.system.max });
    case 'rootType':
      return t('servers.wizard.chooseType');
    case 'dataDisks':
      return issue.field.endsWith('.type') ? t('servers.wizard.chooseType') : t('servers.wizard.dataRange', { min: DISK_SIZE_GIB.data.min, max: DISK_SIZE_GIB.data.max });
    case 'securityGroupIds':
      return t('servers.wizard.groupsRule');
    case 'adminPass':
      return t('servers.login.passwordInvalid');
    case 'keyName':
      return issue.message.includes('not both') ? t('servers.login.notBoth') : t('servers.login.chooseKeypair');
    case 'description':
      return t('servers.wizard.descriptionRule', { max: SERVER_DESCRIPTION_MAX_CHARS });
    case 'tags':
      return t('servers.tagsDialog.rule');
    default:
      return t('validation.invalid');
  }
}

type ContextIssue = ReturnType<typeof contextIssues>[number];

export function contextIssueText(issue: ContextIssue, t: TFunction): string {
  const values = { ...issue.values };
  if (issue.key === 'servers.wizard.overEcsQuota') {
    values.what = String(values.what ?? '').split(',').map((k) => t(`servers.quota.${k as 'instances' | 'cores' | 'ram'}`)).join(', ');
  }
  return t(issue.key as 'servers.wizard.overEcsQuota', values) as string;
}
