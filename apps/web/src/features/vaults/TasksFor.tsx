import type { Task, TaskPage } from '@console/contract';
import { DataList } from '../../components/list/DataList.tsx';
import type { ListConfig } from '../../components/list/types.ts';
import { taskListQuery } from '../tasks/api.ts';
import { taskListConfig } from '../tasks/taskListConfig.tsx';
import { toTaskParams } from '../tasks/taskQuery.ts';

/** The console's task list, narrowed to one resource; its own filters (status, kind…) still apply. */
export function TasksFor({ resourceId, listId }: { resourceId: string; listId: string }) {
  const { search: _search, ...rest } = taskListConfig;
  const config: ListConfig<Task, TaskPage> = { ...rest, id: listId, query: (request) => taskListQuery({ ...toTaskParams(request), resourceId }) };
  return <DataList config={config} />;
}
