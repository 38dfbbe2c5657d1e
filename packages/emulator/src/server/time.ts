/**
 * Time formats copied from the seed: resources use "UTC YYYY-MM-DDTHH:MM:SS.XXXXXX" without a zone
 * ("2016-02-03T02:19:11.723797"), jobs use "2016-03-08T07:40:13.219Z", and IAM tokens use
 * "2019-02-13T06:52:13.855000Z".
 */
export function resourceTime(ms: number): string {
  return new Date(ms).toISOString().slice(0, 23) + '000';
}

export function jobTime(ms: number): string {
  return new Date(ms).toISOString();
}

export function tokenTime(ms: number): string {
  return new Date(ms).toISOString().slice(0, 23) + '000Z';
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
