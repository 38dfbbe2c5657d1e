/** The single account the emulator serves: one IAM user with one AK/SK and one project. */
export interface Account {
  region: string;
  projectId: string;
  /** The default project of a region is named after the region. */
  projectName: string;
  domainId: string;
  domainName: string;
  userId: string;
  userName: string;
  password: string;
  ak: string;
  sk: string;
}
